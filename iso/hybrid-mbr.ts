// The hybrid MBR that makes the same image boot from a disk (a USB stick written with
// dd), as xorriso's --grub2-mbr and --protective-msdos-label make it for grub-mkrescue:
//
// - the code is GRUB's boot_hybrid.img (its first 446 bytes, up to the partition table);
// - at 0x1B0 it holds the 64-bit 512-byte address of the sector to load next: the
//   diskboot.img inside the El Torito image, which follows the 2 KiB cdboot.img,
//   so (image LBA * 4) + 4;
// - partition 1 (active, type 0xCD as xorriso writes it) covers the image from sector
//   1 to its end, with CHS values for a 64-head, 32-sector geometry.

import { fail } from "../common/diagnostics.js";
import { u32le, u64le } from "./bytes.js";

export const MBR_CODE_SIZE = 446;
export const GRUB_KERNEL_SECTOR_OFFSET = 0x1b0;
const HEADS = 64;
const SECTORS_PER_TRACK = 32;
const PARTITION_TYPE = 0xcd;

/** CHS triple of a 512-byte LBA as the MBR stores it (clamped at cylinder 1023). */
export function chs(lba: number): [number, number, number] {
  let cyl = Math.floor(lba / (HEADS * SECTORS_PER_TRACK));
  let head = Math.floor(lba / SECTORS_PER_TRACK) % HEADS;
  let sector = (lba % SECTORS_PER_TRACK) + 1;
  if (cyl > 1023) {
    cyl = 1023;
    head = HEADS - 1;
    sector = SECTORS_PER_TRACK;
  }
  return [head, sector | ((cyl >> 8) << 6), cyl & 0xff];
}

/**
 * The 512-byte MBR for an image of `imageBytes` whose El Torito GRUB image starts at
 * 2 KiB sector `bootImageLba`.
 */
export function hybridMbr(bootHybrid: Uint8Array, bootImageLba: number, imageBytes: number): Uint8Array {
  if (bootHybrid.length !== 512 || bootHybrid[510] !== 0x55 || bootHybrid[511] !== 0xaa) {
    fail(`boot_hybrid.img is not a 512-byte boot sector (${bootHybrid.length} bytes)`, undefined, { origin: "iso" });
  }
  const mbr = new Uint8Array(512);
  mbr.set(bootHybrid.subarray(0, MBR_CODE_SIZE));
  u64le(mbr, GRUB_KERNEL_SECTOR_OFFSET, bootImageLba * 4 + 4);
  const sectors = Math.ceil(imageBytes / 512);
  const p = 0x1be;
  mbr[p] = 0x80; // active
  mbr.set(chs(1), p + 1);
  mbr[p + 4] = PARTITION_TYPE;
  mbr.set(chs(sectors - 1), p + 5);
  u32le(mbr, p + 8, 1);
  u32le(mbr, p + 12, sectors - 1);
  mbr[510] = 0x55;
  mbr[511] = 0xaa;
  return mbr;
}
