// The built-in layouts used when no -T script is given. They are ordinary
// scripts in the subset we read, so they are parsed and checked like any other.

import type { Target } from "./types.js";

/**
 * A Multiboot kernel loaded at 1 MiB: the Multiboot header first (GRUB and
 * QEMU look for it in the first 8 KiB of the file), then code, read-only data,
 * data and zero-initialised data, each page-aligned so paging code can map them
 * with different permissions.
 */
export const KERNEL_SCRIPT = `/* ts386 built-in kernel layout (ts386 link --target kernel, no -T) */
SECTIONS
{
  . = 1M;
  __kernel_start = .;
  .text : { KEEP(*(.multiboot)) *(.text .text.*) }
  .rodata ALIGN(4K) : { *(.rodata .rodata.*) }
  .data ALIGN(4K) : { *(.data .data.*) }
  .bss ALIGN(4K) : { *(.bss .bss.*) *(COMMON) }
  __kernel_end = .;
}
`;

/**
 * A static i386 Linux program at GNU ld's classic base 0x08048000: the ELF
 * headers and code in one R-X segment, read-only data in an R segment on the
 * next page, data and bss in an RW segment after that.
 */
export const LINUX_SCRIPT = `/* ts386 built-in static Linux layout (ts386 link --target linux, no -T) */
ENTRY(_start)
SECTIONS
{
  . = 0x08048000 + SIZEOF_HEADERS;
  .text : { *(.text .text.*) }
  . = ALIGN(CONSTANT(MAXPAGESIZE)) + (. & (CONSTANT(MAXPAGESIZE) - 1));
  .rodata : { *(.rodata .rodata.*) }
  . = ALIGN(CONSTANT(MAXPAGESIZE)) + (. & (CONSTANT(MAXPAGESIZE) - 1));
  .data : { *(.data .data.*) }
  .bss : { *(.bss .bss.*) *(COMMON) }
  PROVIDE(_end = .);
}
`;

export function defaultScript(target: Target): { text: string; fileName: string } {
  return target === "linux"
    ? { text: LINUX_SCRIPT, fileName: "<built-in linux layout>" }
    : { text: KERNEL_SCRIPT, fileName: "<built-in kernel layout>" };
}
