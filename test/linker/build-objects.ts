// Builds the linker tests' input objects with the real tools (nasm, GNU as,
// gcc -m32 -c), and links with GNU ld as the oracle.

import * as fs from "node:fs";
import * as path from "node:path";
import { repoRoot, run } from "../tools.js";

export const fixtures = path.join(repoRoot, "test/linker/fixtures");

/** Flags for freestanding C objects that a static, non-PIC link can take. */
export const GCC_FLAGS = ["-m32", "-c", "-O2", "-ffreestanding", "-fno-pie", "-fno-asynchronous-unwind-tables",
  "-fcf-protection=none", "-fno-stack-protector"];

export function nasm(source: string, out: string, extra: string[] = []): string {
  run("nasm", ["-f", "elf32", ...extra, source, "-o", out]);
  return out;
}

/** Assembles NASM text given inline (writes it next to the object). */
export function nasmText(dir: string, name: string, text: string, extra: string[] = []): string {
  const src = path.join(dir, `${name}.asm`);
  fs.writeFileSync(src, text);
  return nasm(src, path.join(dir, `${name}.o`), extra);
}

export function gas(source: string, out: string): string {
  run("i686-linux-gnu-as", ["--32", source, "-o", out]);
  return out;
}

export function gcc(source: string, out: string, extra: string[] = []): string {
  run("i686-linux-gnu-gcc", [...GCC_FLAGS, ...extra, source, "-o", out]);
  return out;
}

export function gnuLd(objects: string[], out: string, script?: string): string {
  run("i686-linux-gnu-ld", ["-m", "elf_i386", "--no-warn-execstack", "--no-warn-rwx-segments", ...(script ? ["-T", script] : []), ...objects, "-o", out]);
  return out;
}

/** Makes a static archive with a symbol index (`ar rcs`). */
export function archive(out: string, members: string[]): string {
  run("i686-linux-gnu-ar", ["rcs", out, ...members]);
  return out;
}

/** gcc's own libgcc.a for -m32 (64-bit division helpers and the like). */
export function libgcc(): string {
  return run("i686-linux-gnu-gcc", ["-m32", "-print-libgcc-file-name"]).trim();
}
