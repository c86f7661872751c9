// Test inputs for the ISO writer: a tiny Multiboot kernel built with the real nasm and
// GNU ld (so these tests do not depend on our own assembler and linker), which prints a
// line on COM1 and ends QEMU through isa-debug-exit with a non-zero value.

import * as fs from "node:fs";
import * as path from "node:path";
import { repoRoot, run, tmpDir } from "../tools.js";

export const KERNEL_MESSAGE = "ts386 iso test kernel: hello from Multiboot";
/** The value the kernel writes to port 0xf4 (QEMU then exits with (v << 1) | 1). */
export const KERNEL_EXIT_VALUE = 0x2a;

/** The core-image cache the tests share (the same one `make iso` uses). */
export const sharedGrubCache = path.join(repoRoot, "build", "grub-cache");

const LINKER_SCRIPT = "ENTRY(_start) SECTIONS { . = 1M; .text : { *(.multiboot) *(.text) } .rodata : { *(.rodata) } }\n";

function kernelSource(withHeader: boolean, padBytes: number): string {
  return [
    "section .multiboot",
    "align 4",
    withHeader ? "dd 0x1BADB002, 0, -0x1BADB002" : "dd 0",
    "section .text",
    "global _start",
    "_start:",
    "  mov esi, msg",
    ".next:",
    "  lodsb",
    "  test al, al",
    "  jz .done",
    "  mov dx, 0x3f8",
    "  out dx, al",
    "  jmp .next",
    ".done:",
    "  mov dx, 0xf4",
    `  mov al, ${KERNEL_EXIT_VALUE}`,
    "  out dx, al",
    "  cli",
    "  hlt",
    "section .rodata",
    `msg: db "${KERNEL_MESSAGE}", 10, 0`,
    // Filler that makes the file bigger (and GRUB read more of the image).
    ...(padBytes > 0 ? ["section .data", `times ${padBytes} db 0x5a`] : []),
    "",
  ].join("\n");
}

const built = new Map<string, string>();

/**
 * Builds (once per run) the test kernel, with or without its Multiboot header, with
 * `padBytes` of filler data; needs nasm and i686-linux-gnu-ld.
 */
export function testKernel(withHeader = true, padBytes = 0): string {
  const key = `${withHeader}/${padBytes}`;
  const cached = built.get(key);
  if (cached) return cached;
  const dir = tmpDir("ts386-iso-kernel-");
  fs.writeFileSync(path.join(dir, "kernel.asm"), kernelSource(withHeader, padBytes));
  fs.writeFileSync(path.join(dir, "kernel.ld"), LINKER_SCRIPT.replace("*(.rodata) }", "*(.rodata) } .data : { *(.data) }"));
  run("nasm", ["-f", "elf32", "kernel.asm", "-o", "kernel.o"], { cwd: dir });
  run("i686-linux-gnu-ld", ["-T", "kernel.ld", "kernel.o", "-o", "kernel.elf"], { cwd: dir });
  const file = path.join(dir, "kernel.elf");
  built.set(key, file);
  return file;
}

/** Runs `f` with environment variables set, restoring them afterwards. */
export async function withEnv<T>(vars: Record<string, string | undefined>, f: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const apply = (v: Record<string, string | undefined>) => {
    for (const [k, x] of Object.entries(v)) {
      if (x === undefined) delete process.env[k];
      else process.env[k] = x;
    }
  };
  apply(vars);
  try {
    return await f();
  } finally {
    apply(saved);
  }
}
