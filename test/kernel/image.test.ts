// The kernel image that boot/linker.ld lays out: what GRUB and the kernel rely on
// before any code runs (checked with binutils' readelf and GRUB's own grub-file).

import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { repoRoot, requireTool, run } from "../tools.js";

const KERNEL = path.join(repoRoot, "build", "kernel.elf");
const ONE_MIB = 0x100000;
const IDENTITY_MAPPED_END = 16 * ONE_MIB; // kernel/paging.ts maps the first 16 MiB

describe("Toyix kernel image (boot/linker.ld)", function () {
  let sections: Map<string, { address: number; size: number; align: number }>;
  let symbols: Map<string, number>;
  let entry: number;

  before(function () {
    requireTool(this, "i686-linux-gnu-readelf", "grub-file");
    if (!fs.existsSync(KERNEL)) throw new Error("build/kernel.elf is missing: run `make kernel-isos` (`make test` does)");
    const text = run("i686-linux-gnu-readelf", ["-hSs", "--wide", KERNEL]);
    entry = Number(/Entry point address:\s+(0x[0-9a-f]+)/.exec(text)![1]);
    sections = new Map();
    for (const m of text.matchAll(/\]\s+(\.\S+)\s+\S+\s+([0-9a-f]{8})\s+[0-9a-f]+\s+([0-9a-f]+)\s+\S+\s+\S*\s+\d+\s+\d+\s+(\d+)/g)) {
      sections.set(m[1]!, { address: parseInt(m[2]!, 16), size: parseInt(m[3]!, 16), align: Number(m[4]) });
    }
    symbols = new Map();
    for (const m of text.matchAll(/^\s*\d+: ([0-9a-f]{8})\s+\d+\s+\w+\s+GLOBAL\s+\w+\s+\S+\s+(\S+)$/gm)) {
      symbols.set(m[2]!, parseInt(m[1]!, 16));
    }
  });

  it("is a Multiboot kernel for GRUB (grub-file --is-x86-multiboot)", () => {
    // grub-file exits 0 for a Multiboot kernel; run() throws otherwise.
    expect(() => run("grub-file", ["--is-x86-multiboot", KERNEL])).not.to.throw();
  });

  it("starts at 1 MiB with the Multiboot header first and enters at _start", () => {
    expect(symbols.get("__kernel_start")).to.equal(ONE_MIB);
    expect(sections.get(".multiboot")).to.deep.include({ address: ONE_MIB, size: 12 });
    expect(entry).to.equal(symbols.get("_start"));
  });

  it("puts .text, .rodata, .data and .bss on 4 KiB pages, in that order, inside [__kernel_start, __kernel_end)", () => {
    const end = symbols.get("__kernel_end")!;
    let previous = ONE_MIB;
    for (const name of [".text", ".rodata", ".data", ".bss"]) {
      const s = sections.get(name);
      expect(s, `${name} present`).to.not.equal(undefined);
      expect(s!.address % 4096, `${name} page aligned`).to.equal(0);
      expect(s!.address, `${name} after the previous section`).to.be.greaterThan(previous);
      expect(s!.address + s!.size, `${name} ends before __kernel_end`).to.be.at.most(end);
      previous = s!.address;
    }
    expect(end % 4096, "__kernel_end page aligned").to.equal(0);
  });

  it("fits in the identity-mapped first 16 MiB, stack and page tables included", () => {
    expect(symbols.get("__kernel_end")).to.be.at.most(IDENTITY_MAPPED_END);
  });
});
