// Random instruction lines (any mnemonic with any 0-3 operands from a pool of
// registers of every class and size, immediates, sized and unsized memory, labels
// and externs), each checked against nasm: what nasm rejects, ts386 rejects too,
// and what both accept assembles to identical bytes. Seeds are fixed, so the test
// is deterministic (TS386_RANDOM_SEEDS=5,6,7 tries others); the corpus test covers
// the accepted forms systematically.

import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { assembleText } from "../../assembler/index.js";
import { MNEMONICS } from "../../assembler/encoder.js";
import { readObject } from "../../elf/read-object.js";
import { writeObject } from "../../elf/write-object.js";
import { diffObjects } from "./compare.js";
import { requireTool, tmpDir } from "../tools.js";
import { spawnSync } from "node:child_process";

const REGS = ["eax", "ecx", "esp", "ebp", "edi", "ax", "cx", "sp", "dx", "bx", "al", "cl", "ah", "bh", "es", "cs", "ds", "fs", "cr0", "cr3", "dr0", "dr7"];
const IMMS = ["0", "1", "-1", "127", "128", "-129", "255", "256", "0x7fff", "0xffff", "0x10000", "0xffffffff", "LBL", "ext", "LBL+4", "byte 1", "word 2", "dword 3", "short LBL", "near LBL", "strict dword 1"];
const MEMS = ["[eax]", "[ebp-4]", "[esp+8]", "[eax+ecx*4]", "[LBL]", "[ext+4]", "[0x100]", "[fs:ebx]", "[ebx+esi*8+0x1000]"];
const SIZES = ["", "", "byte ", "word ", "dword ", "qword ", "far "];

function randomLines(seed: number, count: number): string[] {
  let s = seed >>> 0;
  const rnd = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const mnemonics = [...MNEMONICS].sort();
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const ops: string[] = [];
    const n = Math.floor(rnd() * 4);
    for (let j = 0; j < n; j++) {
      const k = rnd();
      ops.push(k < 0.4 ? pick(REGS) : k < 0.7 ? pick(IMMS) : pick(SIZES) + pick(MEMS));
    }
    // Each line has its own label just before it, so jumps reach it the same way alone or in the batch.
    lines.push(`${pick(mnemonics)} ${ops.join(", ")}`.trim().replace(/LBL/g, `L${i}`));
  }
  return lines;
}

const HEAD = "BITS 32\nextern ext\nsection .text\n";
const line = (text: string, i: number) => `L${i}: ${text}`;

describe("assembler: random instructions against nasm", function () {
  before(function () {
    requireTool(this, "nasm");
  });

  for (const seed of (process.env.TS386_RANDOM_SEEDS ?? "1,2,3,4").split(",").map(Number)) {
    it(`seed ${seed}: nasm's rejections are ours, accepted lines are byte-identical`, function () {
      const dir = tmpDir();
      const lines = randomLines(seed, 2000);
      // Lines nasm rejects: assemble, drop the lines it names, repeat until it is clean
      // (nasm stops reporting some errors once others occurred).
      const nasmRejects = new Map<number, string>();
      for (let round = 0; round < 50; round++) {
        const keep = lines.map((_, i) => i).filter((i) => !nasmRejects.has(i));
        fs.writeFileSync(path.join(dir, "r.asm"), HEAD + keep.map((i) => line(lines[i]!, i)).join("\n") + "\n");
        const r = spawnSync("nasm", ["-f", "elf32", "r.asm", "-o", "r.o"], { cwd: dir, encoding: "utf8" });
        let found = 0;
        for (const m of r.stderr.matchAll(/^r\.asm:(\d+): error: (.*)$/gm)) {
          const i = keep[Number(m[1]) - 4];
          if (i !== undefined && !nasmRejects.has(i)) {
            nasmRejects.set(i, m[2]!);
            found++;
          }
        }
        if (r.status === 0) break;
        expect(found, `nasm failed without naming a line:\n${r.stderr}`).to.be.greaterThan(0);
      }
      const accepted: number[] = [];
      const wrongly: string[] = [];
      lines.forEach((text, i) => {
        let ok = true;
        try {
          assembleText(HEAD + line(text, i) + "\n", "r.asm");
        } catch {
          ok = false;
        }
        if (ok && nasmRejects.has(i)) wrongly.push(`${text}    (nasm: ${nasmRejects.get(i)})`);
        if (ok && !nasmRejects.has(i)) accepted.push(i);
      });
      expect(wrongly, "lines ts386 accepts but nasm rejects").to.deep.equal([]);
      expect(accepted.length).to.be.greaterThan(100);
      const src = HEAD + accepted.map((i) => line(lines[i]!, i)).join("\n") + "\n";
      fs.writeFileSync(path.join(dir, "ok.asm"), src);
      const r = spawnSync("nasm", ["-f", "elf32", "ok.asm", "-o", "ok.o"], { cwd: dir, encoding: "utf8" });
      expect(r.status, r.stderr).to.equal(0);
      const theirs = readObject(fs.readFileSync(path.join(dir, "ok.o")), "ok.o");
      const ours = readObject(writeObject(assembleText(src, "ok.asm")), "ours");
      expect(diffObjects(ours, theirs)).to.deep.equal([]);
    });
  }
});

/**
 * A random program for relaxation: labels, jumps and calls between them in both
 * directions, nop runs, align, data bytes, and operands whose size depends on values
 * settled only by later passes (forward equ constants, label differences, an equ of
 * labels). Which short/near choices a file settles on depends on every pass, so this
 * checks that ts386 passes the way nasm does.
 */
function randomProgram(seed: number, count: number): string {
  let s = seed >>> 0;
  const rnd = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const labels = Math.max(4, Math.floor(count / 6));
  const label = () => `L${Math.floor(rnd() * labels)}`;
  const lines = ["BITS 32", "section .text"];
  let defined = 0;
  for (let i = 0; i < count; i++) {
    const k = rnd();
    if (k < 0.15 && defined < labels) lines.push(`L${defined++}:`);
    else if (k < 0.45) lines.push(`${pick(["jmp", "je", "jne", "jl", "jg", "ja", "jb"])} ${label()}`);
    else if (k < 0.5) lines.push(`call ${label()}`);
    else if (k < 0.65) lines.push(`times ${Math.floor(rnd() * 70)} nop`);
    else if (k < 0.7) lines.push(`align ${pick([2, 4, 8, 16])}`);
    else if (k < 0.75) lines.push(`db ${Math.floor(rnd() * 256)}`);
    else if (k < 0.8) lines.push(`mov eax, [ebx + Q${Math.floor(rnd() * 4)}]`);
    else if (k < 0.82) lines.push(`${pick(["add ecx,", "push", "imul esi, edi,"])} Q${pick([0, 2, 3, 4])}`);
    else if (k < 0.85) lines.push(`shl edx, Q${pick([0, 4])}`); // (a count outside 0..255 is an error here, a warning in nasm)
    else if (k < 0.9) lines.push(`mov edx, ${label()} - ${label()}`);
    else if (k < 0.95) lines.push(`add esi, ${label()} - ${label()}`);
    else lines.push("jmp short $+2");
  }
  while (defined < labels) lines.push(`L${defined++}:`);
  lines.push("Q0 equ 4", "Q1 equ 200", "Q2 equ L3 - L1", "Q3 equ -3", "Q4 equ 1");
  return lines.join("\n") + "\n";
}

describe("assembler: random programs against nasm (relaxation)", function () {
  before(function () {
    requireTool(this, "nasm");
  });

  it("settles every jump, label and operand size where nasm does (12 programs)", function () {
    const dir = tmpDir();
    const failures: string[] = [];
    for (let seed = 1; seed <= 12; seed++) {
      const text = randomProgram(seed, 100 + ((seed * 337) % 1400));
      fs.writeFileSync(path.join(dir, "p.asm"), text);
      const r = spawnSync("nasm", ["-f", "elf32", "p.asm", "-o", "p.o"], { cwd: dir, encoding: "utf8" });
      expect(r.status, `nasm rejected program ${seed}: ${r.stderr}`).to.equal(0);
      const theirs = readObject(fs.readFileSync(path.join(dir, "p.o")), "p.o");
      const ours = readObject(writeObject(assembleText(text, "p.asm")), "ours");
      const d = diffObjects(ours, theirs, 3);
      if (d.length > 0) failures.push(`program ${seed}: ${d.join("; ")}`);
    }
    expect(failures).to.deep.equal([]);
  });
});
