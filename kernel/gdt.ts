// gdt.ts -- the Global Descriptor Table: flat kernel code and data segments.
//
// Protected mode still goes through segmentation; we make it a no-op with a
// code and a data segment that both cover all 4 GiB from base 0, so that
// linear addresses equal the offsets the program uses. Entry 0 must be null.
// GRUB left a GDT of its own somewhere we do not control; ours lives in the
// kernel image.

import { console_writeln } from "./console.js";

declare function gdt_reload_segments(): void; // boot/gdt.asm: reload DS..SS, far jump for CS

export const KERNEL_CODE_SELECTOR: u16 = 0x08;
export const KERNEL_DATA_SELECTOR: u16 = 0x10;

const GDT_ENTRIES = 3;

// Access bytes: present, ring 0, code/data descriptor, then the type.
const ACCESS_KERNEL_CODE: u32 = 0x9A; // execute/read
const ACCESS_KERNEL_DATA: u32 = 0x92; // read/write
// Flags nibble: 4 KiB granularity, 32-bit default operand size.
const FLAGS_4K_32BIT: u32 = 0xC;

// Each descriptor is 8 bytes, kept as two u32 words.
const gdt = new StaticArray<u32>(GDT_ENTRIES * 2, 8);
// The 6-byte pseudo-descriptor lgdt reads: limit (u16), then base (u32) as two u16.
const gdtr = new StaticArray<u16>(3, 4);

function gdt_set_entry(index: i32, base: u32, limit: u32, access: u32, flags: u32): void {
  gdt[index * 2] = (limit & 0xFFFF) | ((base & 0xFFFF) << 16);
  gdt[index * 2 + 1] =
    ((base >> 16) & 0xFF) | // base 23:16
    (access << 8) |
    (limit & 0xF0000) | // limit 19:16
    (flags << 20) |
    (base & 0xFF000000); // base 31:24
}

export function gdt_init(): void {
  gdt_set_entry(0, 0, 0, 0, 0);
  gdt_set_entry(1, 0, 0xFFFFF, ACCESS_KERNEL_CODE, FLAGS_4K_32BIT);
  gdt_set_entry(2, 0, 0xFFFFF, ACCESS_KERNEL_DATA, FLAGS_4K_32BIT);

  const base: u32 = addressOf(gdt);
  gdtr[0] = u16(GDT_ENTRIES * 8 - 1);
  gdtr[1] = u16(base);
  gdtr[2] = u16(base >> 16);
  lgdt(addressOf(gdtr));
  gdt_reload_segments();

  console_writeln("GDT: installed flat kernel code/data segments");
}
