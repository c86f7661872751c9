// Variable shift counts: the count is computed in ecx where it can be (the allocator
// leaves ecx to a value copied there: no `mov ecx, r` before `shr r, cl`), and a count
// masked with `& 31` shifts by the unmasked value (the CPU takes the count mod 32).

import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { tmpDir, ts386 } from "../../tools.js";

const PROGRAM = `
const digits = new StaticArray<u8>(8);
const bitmap = new StaticArray<u32>(4);

export function hex(value: u32): i32 {
  let sum: i32 = 0;
  for (let i = 0; i < 8; i++) {
    const digit = u8((value >>> (28 - 4 * i)) & 15);
    digits[i] = digit;
    sum = sum * 3 + i32(digit);
  }
  return sum;
}

export function mark(page: u32): void {
  bitmap[(page >> 5) & 3] = bitmap[(page >> 5) & 3] | (u32(1) << (page & 31));
}

export function main(): i32 {
  mark(3); mark(37); mark(100); mark(127);
  return (hex(0x9ABC1234) ^ i32(bitmap[0] ^ bitmap[1] ^ bitmap[2] ^ bitmap[3])) & 255;
}
`;

function expected(): number {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum = (sum * 3 + ((0x9abc1234 >>> (28 - 4 * i)) & 15)) | 0;
  const bitmap = [0, 0, 0, 0];
  for (const p of [3, 37, 100, 127]) bitmap[(p >> 5) & 3]! |= 1 << (p & 31);
  return (sum ^ (bitmap[0]! ^ bitmap[1]! ^ bitmap[2]! ^ bitmap[3]!)) & 255;
}

describe("shift counts (isel, regalloc)", function () {
  const dir = tmpDir("ts386-shift-");
  const src = path.join(dir, "shift.ts");
  fs.writeFileSync(src, PROGRAM);

  const body = (text: string, fn: string): string[] => {
    const start = text.indexOf(`\n${fn}:`);
    const end = text.indexOf("\nglobal ", start + 1);
    return text.slice(start, end < 0 ? undefined : end).split("\n").filter((l) => /^\s+\w/.test(l)).map((l) => l.trim().split(/\s*;/)[0]!);
  };

  it("computes the count in ecx and drops `& 31`", async function () {
    const asm = path.join(dir, "shift.asm");
    const r = await ts386(["compile", src, "-o", path.join(dir, "shift.o"), "--target", "linux", "--emit-asm", asm]);
    expect(r.stderr).to.equal("");
    const text = fs.readFileSync(asm, "utf8");
    const hex = body(text, "hex");
    const at = hex.findIndex((l) => /^shr e\w\w, cl$/.test(l));
    expect(at, hex.join("\n")).to.be.greaterThan(0);
    expect(hex[at - 1], hex.join("\n")).to.not.match(/^mov ecx, e\w\w$/);
    const mark = body(text, "mark");
    expect(mark.filter((l) => /, 31$/.test(l)), mark.join("\n")).to.deep.equal([]);
  });

  it("computes the right values", async function () {
    const exe = path.join(dir, "shift");
    const r = await ts386(["build", src, "-o", exe, "--target", "linux"]);
    expect(r.stderr).to.equal("");
    expect(spawnSync(exe, []).status).to.equal(expected());
  });
});
