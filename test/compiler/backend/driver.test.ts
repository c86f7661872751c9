// The driver and its commands: `ts386 compile` (--emit-asm, --emit-ir, kernel
// objects, --define) and `ts386 build --target linux` (runtime, exit status,
// bounds failures, --timings). The --emit-asm listing must assemble, through
// `ts386 asm` and through real nasm, to the bytes of the object compile wrote.

import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { readObject } from "../../../elf/read-object.js";
import type { ObjectFile } from "../../../elf/types.js";
import { repoRoot, requireTool, run, tmpDir, ts386 } from "../../tools.js";

const PROGRAM = `
declare const VERBOSE: bool;
const table = new StaticArray<u16>(8);
const message = "sum: ";

function mix(a: i32, b: u8, c: i16): i32 {
  return (a * 33 + i32(b)) ^ (i32(c) << 3);
}

function classify(x: i32): i32 {
  switch (x) {
    case 0: return 10;
    case 1: return 11;
    case 2: return 12;
    case 3: return 13;
    case 4: return 14;
    default: return -1;
  }
}

export function main(): i32 {
  let sum: i32 = 0;
  let i: i32 = 0;
  while (i < 8) {
    table[i] = u16(mix(i, u8(i * 40), i16(-i)));
    sum = sum + i32(table[i]) + classify(i);
    i = i + 1;
  }
  if (VERBOSE) sys_write(1, addressOf(message), usize(message.length));
  const unused: i32 = sum * 7; // dead: removed
  return (sum + 6 * 7 + classify(9) + 1) & 255; // a second call: classify stays a function
}
`;

function expectedExit(): number {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const b = (i * 40) & 255;
    const c = ((-i << 16) >> 16);
    const m = ((i * 33 + b) ^ (c << 3)) & 0xffff;
    sum = (sum + m + (i <= 4 ? 10 + i : -1)) | 0;
  }
  return (sum + 42) & 255;
}

function sectionBytes(obj: ObjectFile): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of obj.sections) if (s.name.startsWith(".text") || s.name.startsWith(".data") || s.name.startsWith(".rodata")) {
    out[s.name] = Buffer.from(s.data).toString("hex");
  }
  return out;
}

function relocations(obj: ObjectFile): string[] {
  return obj.sections.flatMap((s) => s.relocations.map((r) => `${s.name}+${r.offset}:${r.type}:${obj.symbols[r.symbol]?.name ?? "?"}`));
}

describe("ts386 compile and build (driver)", function () {
  const dir = tmpDir("ts386-driver-");
  const src = path.join(dir, "prog.ts");
  fs.writeFileSync(src, PROGRAM);

  it("--emit-asm text assembles (ts386 asm and nasm) to the object's bytes; lines carry TS source", async function () {
    requireTool(this, "nasm");
    const obj = path.join(dir, "prog.o");
    const asm = path.join(dir, "prog.asm");
    const r = await ts386(["compile", src, "-o", obj, "--target", "linux", "--emit-asm", asm]);
    expect(r.stderr).to.equal("");
    expect(r.status).to.equal(0);
    const text = fs.readFileSync(asm, "utf8");
    expect(text).to.match(/; .*prog\.ts:\d+: +sum = sum \+ i32\(table\[i\]\) \+ classify\(i\);/);
    const ours = readObject(new Uint8Array(fs.readFileSync(obj)), obj);

    const viaAsm = path.join(dir, "via-asm.o");
    const a = await ts386(["asm", asm, "-o", viaAsm]);
    expect(a.stderr).to.equal("");
    const reassembled = readObject(new Uint8Array(fs.readFileSync(viaAsm)), viaAsm);
    expect(sectionBytes(reassembled)).to.deep.equal(sectionBytes(ours));
    expect(relocations(reassembled)).to.deep.equal(relocations(ours));

    const viaNasm = path.join(dir, "via-nasm.o");
    run("nasm", ["-f", "elf32", "-o", viaNasm, asm]);
    const nasm = readObject(new Uint8Array(fs.readFileSync(viaNasm)), viaNasm);
    expect(sectionBytes(nasm)).to.deep.equal(sectionBytes(ours));
    expect(relocations(nasm)).to.deep.equal(relocations(ours));
  });

  it("build --target linux runs main and exits with its value", async function () {
    const exe = path.join(dir, "prog");
    const r = await ts386(["build", src, "-o", exe, "--target", "linux", "--define", "VERBOSE=false"]);
    expect(r.stderr).to.equal("");
    const p = spawnSync(exe, [], { encoding: "latin1" });
    expect(p.stdout).to.equal("");
    expect(p.status).to.equal(expectedExit());
  });

  it("--define folds conditional code (VERBOSE prints)", async function () {
    const exe = path.join(dir, "prog-verbose");
    const r = await ts386(["build", src, "-o", exe, "--target", "linux", "--define", "VERBOSE"]);
    expect(r.stderr).to.equal("");
    const p = spawnSync(exe, [], { encoding: "latin1" });
    expect(p.stdout).to.equal("sum: ");
    expect(p.status).to.equal(expectedExit());
  });

  it("--emit-ir shows folded constants, removed dead code and fused compare-branches", async function () {
    const ir = path.join(dir, "prog.ir");
    const r = await ts386(["compile", src, "-o", path.join(dir, "prog2.o"), "--target", "linux", "--define", "VERBOSE=false", "--emit-ir", ir]);
    expect(r.stderr).to.equal("");
    const text = fs.readFileSync(ir, "utf8");
    const main = text.split("export function main")[1]!.split("\n\n")[0]!;
    expect(main).to.match(/add %\d+, 42/); // 6 * 7 folded
    expect(main).to.not.match(/mul %\d+, 7/); // `unused` removed
    expect(main).to.not.match(/sys_write/); // VERBOSE=false folded away
    expect(main).to.match(/if\.lt %\d+, 8 @\d+ @\d+/); // the loop test as one compare-branch
    expect(text).to.match(/function classify internal \(%0\) -> value/);
    expect(text).to.match(/switch %0 from 0 \[@\d+ @\d+ @\d+ @\d+ @\d+\] else @\d+/);
  });

  it("--target kernel: exported functions are global, externs undefined, the rest local", async function () {
    const k = path.join(dir, "kernel.ts");
    fs.writeFileSync(k, `
declare function console_putc(c: u8): void;
function twice(x: u32): void { console_putc(u8(x * 2)); console_putc(u8(x)); }
export function kernel_main(magic: u32, info: usize): void {
  if (magic == 0x2BADB002) twice(u32(info) & 0x7f);
  outb(0x3f8, 65);
}
`);
    const obj = path.join(dir, "kernel.o");
    const r = await ts386(["compile", k, "-o", obj, "--target", "kernel"]);
    expect(r.stderr).to.equal("");
    const o = readObject(new Uint8Array(fs.readFileSync(obj)), obj);
    const sym = (n: string) => o.symbols.find((s) => s.name === n);
    expect(sym("kernel_main")?.binding).to.equal("global");
    expect(sym("kernel_main")?.section.kind).to.equal("section");
    expect(sym("console_putc")?.section.kind).to.equal("undefined");
    expect(sym("twice")?.binding).to.equal("local");
  });

  it("intrinsics select their instructions (port I/O through al/ax/eax and dx, control registers, descriptor tables)", async function () {
    requireTool(this, "nasm");
    const k = path.join(dir, "intrinsics.ts");
    fs.writeFileSync(k, `
const gdtr = new StaticArray<u16>(3);
export function io(port: u16, v: u8): u32 {
  outb(port, v);
  outb(0x80, 0);
  outw(port, u16(u16(v) << 8));
  outl(0xcf8, 0x80000000);
  const a = inb(port);
  const b = inw(0x60);
  const c = inl(port);
  return u32(a) + u32(b) + c;
}
export function cpu(addr: usize): u32 {
  cli();
  writeCr3(addr);
  invlpg(addr);
  lgdt(addressOf(gdtr));
  lidt(addr + 8);
  const flags = readEflags();
  const cr2 = readCr2();
  interrupt(0x30);
  sti();
  hlt();
  return flags ^ cr2 ^ readCr0();
}
`);
    const obj = path.join(dir, "intrinsics.o");
    const asm = path.join(dir, "intrinsics.asm");
    const r = await ts386(["compile", k, "-o", obj, "--target", "kernel", "--emit-asm", asm]);
    expect(r.stderr).to.equal("");
    const text = fs.readFileSync(asm, "utf8").replace(/;.*$/gm, "");
    for (const re of [/out dx, al/, /out 0x80, al|out 128, al/, /out dx, ax/, /out dx, eax/, /in al, dx/, /in ax, (0x60|96)/, /in eax, dx/,
      /mov cr3, e\w\w/, /invlpg \[e\w\w\]/, /lgdt \[gdtr\]/, /lidt \[e\w\w\+8\]/, /pushfd/, /mov e\w\w, cr2/, /int (0x30|48)/, /\bcli\b/, /\bsti\b/, /\bhlt\b/]) {
      expect(text).to.match(re);
    }
    const viaNasm = path.join(dir, "intrinsics-nasm.o");
    run("nasm", ["-f", "elf32", "-o", viaNasm, asm]);
    const ours = readObject(new Uint8Array(fs.readFileSync(obj)), obj);
    expect(sectionBytes(readObject(new Uint8Array(fs.readFileSync(viaNasm)), viaNasm))).to.deep.equal(sectionBytes(ours));
  });

  it("build --target kernel links the Toyix sources with boot/*.asm and -T boot/linker.ld into a Multiboot kernel", async function () {
    requireTool(this, "grub-file");
    const elf = path.join(dir, "kernel.elf");
    const boot = ["boot.asm", "gdt.asm", "isr.asm"].map((f) => path.join(repoRoot, "boot", f));
    const r = await ts386(["build", path.join(repoRoot, "kernel/main.ts"), "-o", elf, "--target", "kernel", "-T", path.join(repoRoot, "boot/linker.ld"), ...boot, "--timings"]);
    expect(r.stderr).to.equal("");
    expect(r.status).to.equal(0);
    expect(r.stdout).to.match(/^inputs +[\d.]+ ms$/m);
    expect(spawnSync("grub-file", ["--is-x86-multiboot", elf]).status).to.equal(0);
  });

  it("an out-of-range index exits with status 134 and names the file and line", async function () {
    const b = path.join(dir, "bounds.ts");
    fs.writeFileSync(b, `const t = new StaticArray<i32>(4);
function at(i: i32): i32 { return t[i]; }
export function main(): i32 { return at(2) + at(4); }
`);
    const exe = path.join(dir, "bounds");
    const r = await ts386(["build", b, "-o", exe, "--target", "linux"]);
    expect(r.stderr).to.equal("");
    const p = spawnSync(exe, [], { encoding: "latin1" });
    expect(p.status).to.equal(134);
    expect(p.stderr).to.match(/bounds\.ts.*2/);
  });

  it("build --timings reports each stage; compile errors exit 1 with tsc-style diagnostics", async function () {
    const r = await ts386(["build", src, "-o", path.join(dir, "t"), "--target", "linux", "--timings", "--define", "VERBOSE=false"]);
    for (const stage of ["frontend", "optimize", "codegen", "assemble", "runtime", "link", "total"]) expect(r.stdout).to.match(new RegExp(`^${stage} +[\\d.]+ ms$`, "m"));
    const bad = path.join(dir, "bad.ts");
    fs.writeFileSync(bad, "export function main(): i32 { return undefinedThing; }\n");
    const e = await ts386(["compile", bad, "-o", path.join(dir, "bad.o")]);
    expect(e.status).to.equal(1);
    expect(e.stderr).to.match(/bad\.ts\(1,\d+\): error TS\d+/);
    expect(fs.existsSync(path.join(dir, "bad.o"))).to.equal(false);
  });
});
