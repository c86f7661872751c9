// The library entry of the ISO writer: a kernel and a grub.cfg in, a bootable hybrid
// image out. `makeIsoImage` is the in-memory stage (bytes to bytes); `buildIso` reads
// the files, checks them, and writes the image atomically (a failed build leaves no
// image behind, not even an old one that would look current).

import * as fs from "node:fs";
import { DiagnosticError, fail } from "../common/diagnostics.js";
import { removeIfExists, writeFileAtomic } from "../common/files.js";
import { sourceDateEpoch } from "./dates.js";
import { BOOT_IMAGE_PATH, defaultGrubConfig, GRUB_CFG_PATH, KERNEL_PATH } from "./grub-config.js";
import { grubBootFiles, type GrubBootFiles, type GrubOptions } from "./grub-core-image.js";
import { checkMultibootKernel } from "./multiboot-header.js";
import { writeIsoImage } from "./write-iso.js";

export const DEFAULT_VOLUME_ID = "TS386";
/** 512-byte sectors the BIOS loads from the El Torito image: GRUB's 2 KiB cdboot.img. */
const LOAD_SECTORS = 4;

export interface IsoContents {
  kernel: Uint8Array;
  grubCfg: Uint8Array;
  grub: Pick<GrubBootFiles, "coreImage" | "bootHybrid">;
  /** Seconds since 1970 for every date in the image. */
  epoch: number;
  volumeId?: string;
}

/** The image bytes: /boot/kernel.elf, /boot/grub/grub.cfg, and GRUB's El Torito image. */
export function makeIsoImage(c: IsoContents): Uint8Array {
  return writeIsoImage({
    volumeId: c.volumeId ?? DEFAULT_VOLUME_ID,
    files: [
      { path: KERNEL_PATH, data: c.kernel },
      { path: GRUB_CFG_PATH, data: c.grubCfg },
    ],
    epoch: c.epoch,
    boot: { image: c.grub.coreImage, loadSectors: LOAD_SECTORS, bootInfoTable: true, grub2BootInfo: true, path: BOOT_IMAGE_PATH },
    hybridMbr: c.grub.bootHybrid,
  });
}

export interface BuildIsoOptions extends GrubOptions {
  kernel: string;
  output: string;
  /** A grub.cfg to use instead of the default one. */
  grubCfg?: string;
  /** Defaults to SOURCE_DATE_EPOCH, or 0 when it is not set. */
  epoch?: number;
  volumeId?: string;
}

export interface BuildIsoResult {
  size: number;
  coreImageCacheHit: boolean;
  coreImagePath: string;
}

function readInput(file: string, what: string): Uint8Array {
  try {
    if (fs.statSync(file).isFile()) return new Uint8Array(fs.readFileSync(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" || code === "ENOTDIR" ? "no such file" : code === "EACCES" ? "permission denied" : String(e);
    fail(`cannot read ${what} '${file}': ${reason}`, undefined, { origin: "iso" });
  }
  fail(`${what} '${file}' is not a regular file`, undefined, { origin: "iso" });
}

export function buildIso(opts: BuildIsoOptions): BuildIsoResult {
  if (fs.existsSync(opts.output) && fs.statSync(opts.output).isDirectory()) {
    fail(`output '${opts.output}' is a directory`, undefined, { origin: "iso" });
  }
  try {
    const kernel = readInput(opts.kernel, "kernel");
    checkMultibootKernel(kernel, opts.kernel);
    const grubCfg = opts.grubCfg !== undefined
      ? readInput(opts.grubCfg, "GRUB configuration")
      : new Uint8Array(Buffer.from(defaultGrubConfig(), "utf8"));
    const epoch = opts.epoch ?? sourceDateEpoch();
    const grub = grubBootFiles(opts);
    const image = makeIsoImage({ kernel, grubCfg, grub, epoch, volumeId: opts.volumeId });
    writeFileAtomic(opts.output, image);
    return { size: image.length, coreImageCacheHit: grub.cacheHit, coreImagePath: grub.cachePath };
  } catch (e) {
    if (e instanceof DiagnosticError) removeIfExists(opts.output);
    throw e;
  }
}
