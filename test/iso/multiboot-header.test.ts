// The kernel check: where grub-file --is-x86-multiboot looks for the header, and what
// we refuse beyond it. Synthetic kernels are compared with grub-file itself.
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { DiagnosticError } from "../../common/diagnostics.js";
import { checkMultibootKernel, findMultibootHeader } from "../../iso/multiboot-header.js";
import { requireTool, tmpDir } from "../tools.js";

const MAGIC = 0x1badb002;

/** An ELF32 i386 executable header followed by zeros, with a Multiboot header at `offset`. */
function kernel(size: number, offset: number | undefined, flags = 0, checksumDelta = 0, elf: Partial<{ cls: number; type: number; machine: number }> = {}): Uint8Array {
  const b = Buffer.alloc(size);
  b.set([0x7f, 0x45, 0x4c, 0x46, elf.cls ?? 1, 1, 1], 0);
  b.writeUInt16LE(elf.type ?? 2, 16);
  b.writeUInt16LE(elf.machine ?? 3, 18);
  b.writeUInt32LE(1, 20);
  if (offset !== undefined) {
    b.writeUInt32LE(MAGIC, offset);
    b.writeUInt32LE(flags >>> 0, offset + 4);
    b.writeUInt32LE((0x1_0000_0000 * 2 - MAGIC - flags + checksumDelta) % 0x1_0000_0000, offset + 8);
  }
  return new Uint8Array(b);
}

const cases: { name: string; bytes: Uint8Array; found: boolean }[] = [
  { name: "header at 0x1000", bytes: kernel(9000, 0x1000), found: true },
  { name: "header at 64", bytes: kernel(200, 64), found: true },
  { name: "last aligned place in 8 KiB (8180)", bytes: kernel(9000, 8180), found: true },
  { name: "header straddling 8 KiB (8184)", bytes: kernel(9000, 8184), found: false },
  { name: "header after 8 KiB", bytes: kernel(9000, 8192), found: false },
  { name: "unaligned header", bytes: kernel(9000, 0x1002), found: false },
  { name: "bad checksum", bytes: kernel(9000, 0x1000, 0, 1), found: false },
  { name: "no header", bytes: kernel(9000, undefined), found: false },
  { name: "flags 0x3 (page align, memory info)", bytes: kernel(9000, 0x1000, 0x3), found: true },
  { name: "flags 0x10000 (a.out kludge)", bytes: kernel(9000, 0x1000, 0x10000), found: true },
  { name: "flags 0x8 (unknown requirement)", bytes: kernel(9000, 0x1000, 0x8), found: true },
  { name: "file of 24 bytes", bytes: kernel(24, 8).subarray(0, 24), found: false },
];

describe("iso: Multiboot kernel check", () => {
  it("finds the header exactly where grub-file --is-x86-multiboot does", function () {
    requireTool(this, "grub-file");
    const dir = tmpDir("ts386-iso-mb-");
    try {
      for (const c of cases) {
        const file = path.join(dir, "k.elf");
        fs.writeFileSync(file, c.bytes);
        const grubFile = spawnSync("grub-file", ["--is-x86-multiboot", file]).status === 0;
        expect(grubFile, `grub-file on ${c.name}`).to.equal(c.found);
        expect(findMultibootHeader(c.bytes) !== undefined, c.name).to.equal(c.found);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("accepts a Multiboot ELF32 i386 executable and reports its header", () => {
    expect(checkMultibootKernel(kernel(9000, 0x1000, 0x3), "k.elf")).to.deep.equal({ offset: 0x1000, flags: 3 });
  });

  it("refuses, naming the file: no header, unknown required flags, not ELF, wrong ELF kind", () => {
    const refuse = (bytes: Uint8Array, message: RegExp) => {
      try {
        checkMultibootKernel(bytes, "k.elf");
        expect.fail("accepted");
      } catch (e) {
        expect(e).to.be.instanceOf(DiagnosticError);
        expect((e as DiagnosticError).diagnostics[0]!.origin).to.equal("k.elf");
        expect((e as Error).message).to.match(message);
      }
    };
    refuse(kernel(9000, 8192), /no Multiboot header/);
    refuse(kernel(9000, 0x1000, 0x8), /requires unsupported features \(flags 0x8/);
    refuse(new TextEncoder().encode("#!/bin/sh\n".repeat(100)), /not an ELF file/);
    refuse(kernel(9000, 0x1000, 0, 0, { cls: 2 }), /not a 32-bit little-endian ELF/);
    refuse(kernel(9000, 0x1000, 0, 0, { machine: 62 }), /ELF machine 62 is not i386/);
    refuse(kernel(9000, 0x1000, 0, 0, { type: 1 }), /not an executable \(ET_EXEC\); link the kernel first/);
  });
});
