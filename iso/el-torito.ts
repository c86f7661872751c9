// El Torito (the bootable CD-ROM format): the boot catalog that the BIOS reads to find
// the boot image, and the two patches the GRUB CD image expects in itself:
//
// - the boot-info table at offset 8 (mkisofs -boot-info-table): PVD sector, image
//   sector, image length, and a checksum of the image from byte 64 on. GRUB's
//   cdboot.img reads it to load the rest of the image after the 2 KiB the BIOS loaded.
// - GRUB's own boot info (xorriso --grub2-boot-info): the first blocklist entry of the
//   diskboot.img that follows cdboot.img, at offset 2548, gets the image's address in
//   512-byte sectors + 5, i.e. the sector after diskboot. When the image boots as a disk
//   (hybrid MBR), boot_hybrid.img loads diskboot.img and diskboot loads the rest from there.

import { fail } from "../common/diagnostics.js";
import { readU32le, u16le, u32le, u64le } from "./bytes.js";
import { SECTOR } from "./types.js";

/** Offset of the boot-info table and of GRUB's blocklist patch in the image. */
export const BOOT_INFO_TABLE_OFFSET = 8;
export const GRUB2_BOOT_INFO_OFFSET = 2548;

const PLATFORM_X86 = 0;
const BOOTABLE = 0x88;
const NO_EMULATION = 0;

/** The boot catalog (one sector): a validation entry and the default (initial) entry. */
export function bootCatalog(imageLba: number, loadSectors: number): Uint8Array {
  const cat = new Uint8Array(SECTOR);
  cat[0] = 1; // header ID
  cat[1] = PLATFORM_X86;
  cat[30] = 0x55;
  cat[31] = 0xaa;
  // The 16-bit words of the validation entry must sum to zero.
  let sum = 0;
  for (let i = 0; i < 32; i += 2) sum = (sum + cat[i]! + (cat[i + 1]! << 8)) & 0xffff;
  u16le(cat, 28, (0x10000 - sum) & 0xffff);
  cat[32] = BOOTABLE;
  cat[33] = NO_EMULATION;
  u16le(cat, 34, 0); // load segment 0 means the traditional 0x7C0
  cat[36] = 0; // system type (partition type byte, unused without emulation)
  u16le(cat, 38, loadSectors);
  u32le(cat, 40, imageLba);
  return cat;
}

/** Sum of the little-endian 32-bit words of `bytes` (zero-padded to a multiple of 4). */
export function bootInfoChecksum(bytes: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < bytes.length; i += 4) {
    const word = i + 4 <= bytes.length ? readU32le(bytes, i)
      : bytes.slice(i).reduce((w, b, k) => w | (b << (8 * k)), 0) >>> 0;
    sum = (sum + word) >>> 0;
  }
  return sum;
}

export interface BootImagePatch {
  pvdLba: number;
  imageLba: number;
  bootInfoTable: boolean;
  grub2BootInfo: boolean;
}

/** Returns a patched copy of the boot image (GRUB's patch first: the checksum covers it). */
export function patchBootImage(image: Uint8Array, p: BootImagePatch): Uint8Array {
  const out = new Uint8Array(image);
  if (p.grub2BootInfo) {
    if (out.length < GRUB2_BOOT_INFO_OFFSET + 8) {
      fail(`boot image of ${out.length} bytes is too small for GRUB's boot info at ${GRUB2_BOOT_INFO_OFFSET}`, undefined, { origin: "iso" });
    }
    u64le(out, GRUB2_BOOT_INFO_OFFSET, p.imageLba * 4 + 5);
  }
  if (p.bootInfoTable) {
    if (out.length < 64) fail(`boot image of ${out.length} bytes is too small for a boot-info table`, undefined, { origin: "iso" });
    out.fill(0, BOOT_INFO_TABLE_OFFSET, 64);
    u32le(out, 8, p.pvdLba);
    u32le(out, 12, p.imageLba);
    u32le(out, 16, out.length);
    u32le(out, 20, bootInfoChecksum(out.subarray(64)));
  }
  return out;
}
