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
