// Differential test: ts386 asm against real `nasm -f elf32` on the generated corpus
// (every mnemonic and operand form the assembler accepts) and on every boot/*.asm.
// Section bytes and attributes, symbols and relocations must be identical.

import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { assembleText } from "../../assembler/index.js";
import { readObject } from "../../elf/read-object.js";
import { writeObject } from "../../elf/write-object.js";
import type { ObjectFile } from "../../elf/types.js";
import { diffObjects } from "./compare.js";
import { corpus } from "./corpus.js";
import { repoRoot, requireTool, run, tmpDir } from "../tools.js";

/** Assembles `file` (relative to `cwd`) with nasm and returns the parsed object. */
function nasmObject(cwd: string, file: string): ObjectFile {
  const out = path.join(tmpDir("ts386-nasm-"), "out.o");
  run("nasm", ["-f", "elf32", file, "-o", out], { cwd });
  return readObject(fs.readFileSync(out), out);
}

/** Assembles with ts386, writes the ELF bytes and reads them back (so the writer is tested too). */
function ours(cwd: string, file: string): ObjectFile {
  // nasm ran in `cwd`, so its current directory is searched for includes: ours too.
  const obj = assembleText(fs.readFileSync(path.join(cwd, file), "latin1"), file, { includePaths: [cwd] });
  return readObject(writeObject(obj), file);
}

function countInstructions(obj: ObjectFile): number {
  return obj.sections.reduce((n, s) => n + s.data.length, 0);
}

describe("assembler: differential against nasm -f elf32", function () {
  const dir = tmpDir("ts386-corpus-");
  const files = corpus();
  for (const f of files) {
    fs.writeFileSync(path.join(dir, f.name), f.text);
    for (const x of f.extra ?? []) fs.writeFileSync(path.join(dir, x.name), x.bytes);
  }

  before(function () {
    requireTool(this, "nasm");
  });

  for (const f of files) {
    it(`corpus ${f.name} (${f.text.split("\n").length} lines) is byte-identical`, function () {
      const theirs = nasmObject(dir, f.name);
      const mine = ours(dir, f.name);
      expect(diffObjects(mine, theirs), `differences in ${f.name}`).to.deep.equal([]);
      expect(countInstructions(mine)).to.be.greaterThan(0);
    });
  }

  const bootDir = path.join(repoRoot, "boot");
  const bootFiles = fs.existsSync(bootDir) ? fs.readdirSync(bootDir).filter((n) => n.endsWith(".asm")).sort() : [];
  for (const name of bootFiles) {
    it(`boot/${name} is byte-identical`, function () {
      const rel = path.join("boot", name);
      expect(diffObjects(ours(repoRoot, rel), nasmObject(repoRoot, rel)), `differences in ${rel}`).to.deep.equal([]);
    });
  }
});

describe("assembler: objects GNU binutils accept", function () {
  before(function () {
    requireTool(this, "nasm", "i686-linux-gnu-readelf", "i686-linux-gnu-ld", "i686-linux-gnu-objdump");
  });

  it("readelf and objdump read our objects without complaint, and disassemble them like nasm's", function () {
    const dir = tmpDir();
    const f = corpus().find((c) => c.name === "jumps.asm")!;
    fs.writeFileSync(path.join(dir, f.name), f.text);
    const obj = assembleText(f.text, f.name);
    fs.writeFileSync(path.join(dir, "ours.o"), writeObject(obj));
    run("nasm", ["-f", "elf32", f.name, "-o", "nasm.o"], { cwd: dir });
    const readelf = run("i686-linux-gnu-readelf", ["-a", "-W", "ours.o"], { cwd: dir });
    expect(readelf).to.match(/Relocation section '\.rel\.text'/);
    expect(readelf).to.not.match(/warning|error/i);
    const dis = (o: string) => run("i686-linux-gnu-objdump", ["-dr", o], { cwd: dir }).split("\n").slice(3).join("\n");
    expect(dis("ours.o")).to.equal(dis("nasm.o"));
  });

  it("GNU ld links our object into a program that runs", function () {
    const dir = tmpDir();
    const src = `BITS 32
section .text
global _start
_start:
    mov ecx, 10
    xor ebx, ebx
.loop:
    add ebx, [step]
    loop .loop
    mov eax, 1          ; sys_exit(ebx)
    int 0x80
section .data
step: dd 4
`;
    fs.writeFileSync(path.join(dir, "prog.o"), writeObject(assembleText(src, "prog.asm")));
    run("i686-linux-gnu-ld", ["-m", "elf_i386", "-o", "prog", "prog.o"], { cwd: dir });
    const r = spawnSync(path.join(dir, "prog"));
    if (r.error) this.skip(); // this host cannot run i386 binaries
    expect(r.status).to.equal(40);
  });
});

