// `ts386 link --target linux`: static i386 Linux programs that run on this
// machine, and the same layout as GNU ld given the built-in script's text.

import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { LINUX_SCRIPT } from "../../linker/default-scripts.js";
import { requireTool, tmpDir, ts386 } from "../tools.js";
import { fixtures, gcc, gnuLd, nasm, nasmText } from "./build-objects.js";
import { readExecutable, type Executable } from "./elf-image.js";

const PF_X = 1, PF_W = 2, PF_R = 4;

function runProgram(file: string): { status: number | null; stdout: string } {
  const r = spawnSync(file, [], { encoding: "latin1", timeout: 10_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout };
}

describe("linker: --target linux", function () {
  let dir: string;
  before(function () {
    requireTool(this, "nasm");
    dir = tmpDir("ts386-link-linux-");
  });

  it("links a nasm _start (write + exit through int 0x80) that runs and returns its status", async function () {
    const obj = nasmText(dir, "hello", `
section .rodata
msg: db "hello from ts386 link", 10
len equ $ - msg
section .text
global _start
_start:
    mov eax, 4          ; write(1, msg, len)
    mov ebx, 1
    mov ecx, msg
    mov edx, len
    int 0x80
    mov eax, 1          ; exit(7)
    mov ebx, 7
    int 0x80
`);
    const exe = path.join(dir, "hello");
    const r = await ts386(["link", obj, "-o", exe, "--target", "linux"]);
    expect(r.stderr).to.equal("");
    expect(r.status).to.equal(0);
    expect(fs.statSync(exe).mode & 0o111, "executable bits").to.not.equal(0);
    const run = runProgram(exe);
    expect(run.stdout).to.equal("hello from ts386 link\n");
    expect(run.status).to.equal(7);

    const elf = readExecutable(new Uint8Array(fs.readFileSync(exe)));
    const loads = elf.segments.filter((p) => p.type === 1);
    const containing = (addr: number) => loads.find((p) => addr >= p.vaddr && addr < p.vaddr + p.memsz)!;
    const rodata = elf.sections.find((s) => s.name === ".rodata")!;
    expect(loads[0]!.vaddr, "GNU ld's classic base").to.equal(0x08048000);
    expect(loads[0]!.flags, "the ELF headers: read-only").to.equal(PF_R);
    expect(containing(elf.entry).flags, "code: R-X").to.equal(PF_R | PF_X);
    expect(containing(rodata.address).flags, "rodata is not executable").to.equal(PF_R);
    for (const p of loads) {
      expect(p.offset % 0x1000).to.equal(p.vaddr % 0x1000);
      expect(p.align).to.equal(0x1000);
    }
    expect(elf.entry).to.equal(elf.symbols.find((s) => s.name === "_start")!.value);
  });

  it("links nasm _start with a gcc -c object (.text, .rodata, .data, .bss) into a program that runs", async function () {
    requireTool(this, "i686-linux-gnu-gcc");
    const objects = [
      nasm(path.join(fixtures, "linux-start.asm"), path.join(dir, "linux-start.o")),
      gcc(path.join(fixtures, "linux-main.c"), path.join(dir, "linux-main.o")),
    ];
    const exe = path.join(dir, "primes");
    const r = await ts386(["link", ...objects, "-o", exe, "--target", "linux"]);
    expect(r.stderr).to.equal("");
    expect(r.status).to.equal(0);
    const run = runProgram(exe);
    // (2+3+5+7+11+13) * 3 = 123
    expect(run.stdout).to.equal("sum of primes times scale: 123\n");
    expect(run.status).to.equal(123);

    const elf = readExecutable(new Uint8Array(fs.readFileSync(exe)));
    const rw = elf.segments.filter((p) => p.type === 1 && p.flags === (PF_R | PF_W));
    expect(rw, "one RW- segment for .data and .bss").to.have.length(1);
    expect(rw[0]!.memsz).to.be.greaterThan(rw[0]!.filesz);
    expect(elf.segments.some((p) => p.type === 0x6474e551 && p.flags === (PF_R | PF_W)), "PT_GNU_STACK, not executable").to.equal(true);
  });

  it("lays out like GNU ld given the built-in Linux script", async function () {
    requireTool(this, "i686-linux-gnu-gcc", "i686-linux-gnu-ld");
    const objects = [path.join(dir, "linux-start.o"), path.join(dir, "linux-main.o")];
    if (!objects.every((o) => fs.existsSync(o))) {
      nasm(path.join(fixtures, "linux-start.asm"), objects[0]!);
      gcc(path.join(fixtures, "linux-main.c"), objects[1]!);
    }
    const script = path.join(dir, "linux.ld");
    fs.writeFileSync(script, LINUX_SCRIPT);
    const gnu = gnuLd(objects, path.join(dir, "primes-gnu"), script);
    const ours = path.join(dir, "primes-ts386");
    expect((await ts386(["link", ...objects, "-o", ours, "--target", "linux"])).status).to.equal(0);
    const a = readExecutable(new Uint8Array(fs.readFileSync(ours)));
    const b = readExecutable(new Uint8Array(fs.readFileSync(gnu)));
    const sections = (e: Executable) => e.sections.filter((s) => s.flags & 2).map((s) => `${s.name}@${s.address.toString(16)}+${s.size.toString(16)}`);
    expect(sections(a)).to.deep.equal(sections(b));
    const contents = (e: Executable) => e.sections.filter((s) => s.flags & 2 && s.type !== 8).map((s) => Buffer.from(s.data).toString("hex"));
    expect(contents(a)).to.deep.equal(contents(b));
    const symbols = (e: Executable) => e.symbols.map((s) => `${s.name}=${s.value.toString(16)}`).sort();
    expect(symbols(a)).to.deep.equal(symbols(b));
    expect(a.entry).to.equal(b.entry);
    expect(runProgram(gnu).stdout).to.equal(runProgram(ours).stdout);
  });
});
