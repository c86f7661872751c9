// Kernels linked by ts386 boot: GRUB's checker accepts them as Multiboot, and
// QEMU's -kernel loader runs them, their serial output and isa-debug-exit
// status proving the relocations right at run time.

import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { requireTool, run, tmpDir, ts386 } from "../tools.js";
import { runQemu } from "../qemu.js";
import { fixtures, gas, gcc, nasm } from "./build-objects.js";

describe("linker: linked kernels boot", function () {
  let dir: string;
  before(function () {
    requireTool(this, "nasm");
    dir = tmpDir("ts386-link-boot-");
  });

  async function linkAsmKernel(): Promise<string> {
    const obj = nasm(path.join(fixtures, "serial-kernel.asm"), path.join(dir, "serial-kernel.o"));
    const out = path.join(dir, "serial-kernel.elf");
    const r = await ts386(["link", obj, "-o", out, "--target", "kernel"]);
    expect(r.stderr).to.equal("");
    expect(r.status).to.equal(0);
    return out;
  }

  async function linkCKernel(): Promise<string> {
    const objects = [
      nasm(path.join(fixtures, "boot.asm"), path.join(dir, "boot.o")),
      gas(path.join(fixtures, "gas.s"), path.join(dir, "gas.o")),
      gcc(path.join(fixtures, "kmain.c"), path.join(dir, "kmain.o"), ["-fcommon"]),
      gcc(path.join(fixtures, "util.c"), path.join(dir, "util.o"), ["-fcommon"]),
    ];
    const out = path.join(dir, "c-kernel.elf");
    const r = await ts386(["link", ...objects, "-T", path.join(fixtures, "kernel.ld"), "-o", out]);
    expect(r.stderr).to.equal("");
    expect(r.status).to.equal(0);
    return out;
  }

  it("grub-file --is-x86-multiboot accepts both test kernels", async function () {
    requireTool(this, "grub-file", "i686-linux-gnu-as", "i686-linux-gnu-gcc");
    for (const kernel of [await linkAsmKernel(), await linkCKernel()]) {
      // grub-file exits 0 for a Multiboot kernel, 1 otherwise (run throws on non-zero).
      expect(() => run("grub-file", ["--is-x86-multiboot", kernel]), kernel).not.to.throw();
    }
    // The header must be in the first 8 KiB of the file: a script that puts 16 KiB
    // of code before it makes a kernel GRUB rejects.
    const late = path.join(dir, "late-header.ld");
    fs.writeFileSync(late, "SECTIONS { . = 1M; .text : { *(.text) . = . + 0x4000; } .multiboot : { *(.multiboot) } .rodata : { *(.rodata) } .data : { *(.data) } .bss : { *(.bss) } }\n");
    const lateKernel = path.join(dir, "late-header.elf");
    expect((await ts386(["link", path.join(dir, "serial-kernel.o"), "-T", late, "-o", lateKernel])).status).to.equal(0);
    expect(() => run("grub-file", ["--is-x86-multiboot", lateKernel])).to.throw();
  });

  it("an assembly-only kernel (built-in layout) boots under qemu -kernel and prints its line", async function () {
    requireTool(this, "qemu-system-i386");
    const result = await runQemu({ kernel: await linkAsmKernel(), timeoutMs: 30_000 });
    expect(result.timedOut).to.equal(false);
    expect(result.serial).to.equal("ts386 link: assembly kernel booted\n");
    expect(result.debugExitValue).to.equal(0x21);
  });

  it("the nasm + GNU as + gcc kernel (kernel.ld) boots and its run-time checks pass", async function () {
    requireTool(this, "qemu-system-i386", "i686-linux-gnu-as", "i686-linux-gnu-gcc");
    const result = await runQemu({ kernel: await linkCKernel(), timeoutMs: 30_000 });
    expect(result.timedOut).to.equal(false);
    expect(result.serial).to.contain("kmain: linked kernel is alive\n");
    expect(result.serial).to.contain("kmain: checks passed\n");
    expect(result.debugExitValue).to.equal(0x31);
  });
});
