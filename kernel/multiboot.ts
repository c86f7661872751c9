// multiboot.ts -- what GRUB hands the kernel (Multiboot specification 0.6.96).
//
// _start passes EAX (the magic) and EBX (the physical address of the info
// structure) to kernel_main. Only the fields we read are named; the layouts
// are C layouts of 32-bit fields, so the classes match them byte for byte.

export const MULTIBOOT_BOOTLOADER_MAGIC: u32 = 0x2BADB002;

/** MultibootInfo.flags bits: which fields are valid. */
export const MULTIBOOT_INFO_MEMORY: u32 = 1 << 0; // mem_lower, mem_upper
export const MULTIBOOT_INFO_MEM_MAP: u32 = 1 << 6; // mmap_length, mmap_addr

export const MULTIBOOT_MEMORY_AVAILABLE: u32 = 1;

@unmanaged
export class MultibootInfo {
  flags: u32;
  mem_lower: u32; // KiB below 1 MiB
  mem_upper: u32; // KiB above 1 MiB, up to the first hole
  boot_device: u32;
  cmdline: u32;
  mods_count: u32;
  mods_addr: u32;
  syms0: u32;
  syms1: u32;
  syms2: u32;
  syms3: u32;
  mmap_length: u32; // bytes of memory map
  mmap_addr: u32; // physical address of the first entry
}

/**
 * One memory-map entry. `size` counts the bytes after itself, so the next
 * entry is at (entry + size + 4). Base and length are 64-bit, split in halves.
 */
@unmanaged
export class MultibootMmapEntry {
  size: u32;
  base_low: u32;
  base_high: u32;
  length_low: u32;
  length_high: u32;
  type: u32; // 1 = available RAM; anything else is reserved
}
