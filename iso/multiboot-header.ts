// Checks that a kernel is something GRUB's `multiboot` command will load, the way
// `grub-file --is-x86-multiboot` does: the magic 0x1BADB002 on a 4-byte boundary in the
// first 8192 bytes, followed by flags and a checksum that make the three sum to zero.
// Beyond grub-file we also refuse what the loader itself would refuse later, at boot:
// required-feature flags GRUB does not know (bits 3-15) and a file that is not an
// ELF32 i386 executable (we do not support the a.out kludge).

import { fail } from "../common/diagnostics.js";
import { EM_386, ET_EXEC } from "../elf/types.js";
import { readU32le } from "./bytes.js";

export const MULTIBOOT_MAGIC = 0x1badb002;
export const MULTIBOOT_SEARCH = 8192;
/** Flags GRUB's multiboot loader supports as requirements: page-align, memory info, video mode. */
const MULTIBOOT_UNSUPPORTED = 0x0000fff8;

export interface MultibootHeader {
  offset: number;
  flags: number;
}

/** The first header grub-file would accept, or undefined. */
export function findMultibootHeader(bytes: Uint8Array): MultibootHeader | undefined {
  const len = Math.min(bytes.length, MULTIBOOT_SEARCH);
  if (len < 32) return undefined;
  for (let off = 0; off + 12 <= len; off += 4) {
    if (readU32le(bytes, off) !== MULTIBOOT_MAGIC) continue;
    const flags = readU32le(bytes, off + 4);
    const checksum = readU32le(bytes, off + 8);
    if (((MULTIBOOT_MAGIC + flags + checksum) >>> 0) === 0) return { offset: off, flags };
  }
  return undefined;
}

/** Throws a diagnostic naming `file` unless `bytes` is a loadable Multiboot ELF kernel. */
export function checkMultibootKernel(bytes: Uint8Array, file: string): MultibootHeader {
  const where = { origin: file };
  const isElf = bytes.length >= 52 && bytes[0] === 0x7f && bytes[1] === 0x45 && bytes[2] === 0x4c && bytes[3] === 0x46;
  if (!isElf) fail("not an ELF file; expected an i386 Multiboot kernel (ELF32 executable)", undefined, where);
  if (bytes[4] !== 1 || bytes[5] !== 1) fail("not a 32-bit little-endian ELF file; expected an i386 Multiboot kernel", undefined, where);
  const type = bytes[16]! | (bytes[17]! << 8);
  const machine = bytes[18]! | (bytes[19]! << 8);
  if (machine !== EM_386) fail(`ELF machine ${machine} is not i386 (EM_386 = 3)`, undefined, where);
  if (type !== ET_EXEC) fail(`ELF type ${type} is not an executable (ET_EXEC); link the kernel first`, undefined, where);
  const header = findMultibootHeader(bytes);
  if (!header) {
    fail(`no Multiboot header: magic 0x1BADB002 with a valid checksum must be 4-byte aligned in the first ${MULTIBOOT_SEARCH} bytes`, undefined, where);
  }
  if (header.flags & MULTIBOOT_UNSUPPORTED) {
    fail(`Multiboot header at offset ${header.offset} requires unsupported features (flags 0x${header.flags.toString(16)}; GRUB knows bits 0-2 and 16)`, undefined, where);
  }
  return header;
}
