// The data model of the ISO writer: what goes into an image (a file tree, an optional
// El Torito boot image, an optional hybrid MBR) and the fixed constants of the format.

/** ISO 9660 logical sector (and block) size. */
export const SECTOR = 2048;
/** The first 16 sectors are the system area (the hybrid MBR lives in its first 512 bytes). */
export const SYSTEM_AREA_SECTORS = 16;
/** The Primary Volume Descriptor is always in sector 16. */
export const PVD_LBA = 16;

/** One regular file of the tree, by its path with "/" separators, e.g. "boot/grub/grub.cfg". */
export interface IsoFile {
  path: string;
  data: Uint8Array;
}

/** An El Torito "no emulation" boot entry for BIOS (platform 0). */
export interface ElToritoBoot {
  image: Uint8Array;
  /** 512-byte sectors the BIOS loads at 0x7C00 (4 = one CD sector, as grub-mkrescue uses). */
  loadSectors: number;
  /** Patch the boot-info table at offset 8 (PVD LBA, image LBA, length, checksum). */
  bootInfoTable: boolean;
  /** Patch GRUB's first blocklist start at 2548 with the image's 512-byte address + 5. */
  grub2BootInfo: boolean;
  /**
   * Also show the image in the file tree at this path (as grub-mkrescue does), so that
   * tools like xorriso know its size and can modify the image safely; hidden otherwise.
   */
  path?: string;
}

export interface IsoImageSpec {
  /** Volume identifier (d-characters: A-Z 0-9 _), at most 32. */
  volumeId: string;
  files: IsoFile[];
  /** Every date in the image, as seconds since 1970-01-01 UTC (SOURCE_DATE_EPOCH). */
  epoch: number;
  boot?: ElToritoBoot;
  /** GRUB's boot_hybrid.img (512 bytes): makes the image bootable as a disk too. Needs `boot`. */
  hybridMbr?: Uint8Array;
}
