// GRUB's i386-pc El Torito core image, made by grub-mkimage from the Debian grub-pc-bin
// modules and cached: building it runs grub-mkimage (tens of milliseconds and a process),
// so the result is kept under a name that is a hash of everything that goes into it
// (the module list, the prefix, the grub-mkimage binary, and the .mod/.img files of the
// modules and their dependencies). A different GRUB gives a different name, never a
// stale image. The modules are embedded in the image, so the ISO needs no module files.

import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { fail } from "../common/diagnostics.js";
import { writeFileAtomic } from "../common/files.js";

export const DEFAULT_GRUB_DIR = "/usr/lib/grub/i386-pc";
export const DEFAULT_CACHE_DIR = path.join("build", "grub-cache");
/** Where GRUB looks for grub.cfg (and would look for modules) on the boot device. */
export const GRUB_PREFIX = "/boot/grub";

/**
 * The modules baked into the core image, as few as boot a Multiboot kernel from the ISO
 * both as a CD and as a disk (measured: dropping biosdisk, iso9660 or multiboot breaks
 * both boots; normal would come in anyway, as Debian's multiboot needs net, which needs it):
 *   biosdisk    reads the boot drive through the BIOS (CD or disk)
 *   iso9660     finds /boot/grub/grub.cfg and /boot/kernel.elf (Rock Ridge names)
 *   normal      reads grub.cfg and runs its menu (brings the script engine)
 *   multiboot   the `multiboot` loader
 *   serial      `serial` and `terminal_output serial`, so a custom grub.cfg can put
 *               GRUB's menu and errors on COM1 of a headless machine (the image holds
 *               no module files, so what is not here cannot be loaded later)
 * part_msdos is not needed: booted as a disk, GRUB's root is the whole disk (hd0), where
 * the ISO 9660 volume starts at 32 KiB as on the CD; the partition entry is for the BIOS.
 */
export const GRUB_MODULES = ["biosdisk", "iso9660", "normal", "multiboot", "serial"];

/** Files of the GRUB directory besides the modules that grub-mkimage puts in an El Torito image. */
const GRUB_IMAGE_PARTS = ["moddep.lst", "kernel.img", "lzma_decompress.img", "diskboot.img", "cdboot.img"];

export interface GrubOptions {
  /** The i386-pc module directory (Debian: grub-pc-bin). */
  grubDir?: string;
  /** The grub-mkimage program (Debian: grub-common); found on PATH when not given. */
  grubMkimage?: string;
  cacheDir?: string;
  modules?: string[];
}

export interface GrubBootFiles {
  /** cdboot.img + diskboot.img + the compressed kernel and modules, unpatched. */
  coreImage: Uint8Array;
  /** boot_hybrid.img, the MBR code for booting the ISO as a disk. */
  bootHybrid: Uint8Array;
  cachePath: string;
  cacheHit: boolean;
}

/** Options from the environment: TS386_GRUB_DIR, TS386_GRUB_MKIMAGE, TS386_GRUB_CACHE. */
export function grubOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): GrubOptions {
  return {
    grubDir: env["TS386_GRUB_DIR"] || undefined,
    grubMkimage: env["TS386_GRUB_MKIMAGE"] || undefined,
    cacheDir: env["TS386_GRUB_CACHE"] || undefined,
  };
}

function findOnPath(program: string): string | undefined {
  for (const dir of (process.env["PATH"] ?? "").split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, program);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

function locateMkimage(given: string | undefined): string {
  const found = given ?? findOnPath("grub-mkimage");
  if (found === undefined || !fs.existsSync(found)) {
    fail(`grub-mkimage not found${given ? ` at '${given}'` : " on PATH"}; install the Debian package grub-common`, undefined, { origin: "iso" });
  }
  return found;
}

function checkGrubDir(dir: string): void {
  const missing = [...GRUB_IMAGE_PARTS, "boot_hybrid.img"].filter((f) => !fs.existsSync(path.join(dir, f)));
  if (missing.length > 0) {
    fail(`GRUB i386-pc modules not found in '${dir}' (missing ${missing.join(", ")}); install the Debian package grub-pc-bin`, undefined, { origin: "iso" });
  }
}

/** The modules and everything they depend on, by moddep.lst. */
export function moduleClosure(grubDir: string, modules: string[]): string[] {
  const deps = new Map<string, string[]>();
  for (const line of fs.readFileSync(path.join(grubDir, "moddep.lst"), "latin1").split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) deps.set(line.slice(0, colon), line.slice(colon + 1).split(/\s+/).filter(Boolean));
  }
  const seen = new Set<string>();
  const visit = (m: string) => {
    if (seen.has(m)) return;
    if (!deps.has(m)) fail(`GRUB module '${m}' is not in ${path.join(grubDir, "moddep.lst")}`, undefined, { origin: "iso" });
    seen.add(m);
    for (const d of deps.get(m)!) visit(d);
  };
  modules.forEach(visit);
  return [...seen].sort();
}

/** The cache key: a hash of every input of grub-mkimage. */
export function coreImageKey(mkimage: string, grubDir: string, modules: string[]): string {
  const h = createHash("sha256");
  const add = (label: string, data: Uint8Array | string) => {
    h.update(`${label}\0${data.length}\0`);
    h.update(data);
  };
  add("format", "i386-pc-eltorito");
  add("prefix", GRUB_PREFIX);
  add("modules", modules.join(" "));
  add("grub-mkimage", fs.readFileSync(mkimage));
  for (const f of GRUB_IMAGE_PARTS) add(f, fs.readFileSync(path.join(grubDir, f)));
  for (const m of moduleClosure(grubDir, modules)) add(`${m}.mod`, fs.readFileSync(path.join(grubDir, `${m}.mod`)));
  return h.digest("hex").slice(0, 32);
}

/** The core image (from the cache, or made now and cached) and boot_hybrid.img. */
export function grubBootFiles(opts: GrubOptions = {}): GrubBootFiles {
  const grubDir = opts.grubDir ?? DEFAULT_GRUB_DIR;
  const modules = opts.modules ?? GRUB_MODULES;
  const mkimage = locateMkimage(opts.grubMkimage);
  checkGrubDir(grubDir);
  const cacheDir = opts.cacheDir ?? DEFAULT_CACHE_DIR;
  const cachePath = path.join(cacheDir, `core-eltorito-${coreImageKey(mkimage, grubDir, modules)}.img`);
  const bootHybrid = new Uint8Array(fs.readFileSync(path.join(grubDir, "boot_hybrid.img")));
  if (fs.existsSync(cachePath)) {
    return { coreImage: new Uint8Array(fs.readFileSync(cachePath)), bootHybrid, cachePath, cacheHit: true };
  }
  fs.mkdirSync(cacheDir, { recursive: true });
  const tmp = path.join(cacheDir, `.core-${process.pid}-${Date.now()}.tmp`);
  try {
    execFileSync(mkimage, ["-d", grubDir, "-O", "i386-pc-eltorito", "-p", GRUB_PREFIX, "-o", tmp, ...modules],
      { stdio: ["ignore", "ignore", "pipe"] });
    const coreImage = new Uint8Array(fs.readFileSync(tmp));
    writeFileAtomic(cachePath, coreImage);
    return { coreImage, bootHybrid, cachePath, cacheHit: false };
  } catch (e) {
    const err = e as { stderr?: Buffer; message?: string };
    if (err.stderr !== undefined) {
      fail(`grub-mkimage failed: ${err.stderr.toString().trim() || err.message}`, undefined, { origin: "iso" });
    }
    throw e;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}
