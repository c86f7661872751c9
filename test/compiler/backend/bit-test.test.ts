// Bit tests: `((x >>> n) & 1) != 0` as a branch becomes `bt x, n` + jc/jnc, and
// `(x & m) != 0` whose temp is also tested at a loop's latch becomes `test x, m`.
// The asm shape is checked, and the program's result against the same logic in JS.

import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { tmpDir, ts386 } from "../../tools.js";

const PROGRAM = `
const words = new StaticArray<u32>(4);

function firstClear(word: u32): i32 {
  let bit: i32 = 0;
  while (((word >>> u32(bit)) & 1) != 0) bit++;
  return bit;
}

function countSet(word: u32): i32 {
  let n: i32 = 0;
  for (let b: i32 = 0; b < 40; b++) {
    if (((word >>> u32(b)) & 1) == 0) continue;
    n++;
  }
  return n;
}

function bit5(word: u32): i32 {
  if (((word >>> 5) & 1) != 0) return 1;
  return 0;
}

function signBit(x: i32, n: i32): i32 {
  if (((x >> n) & 1) == 0) return 0;
  return 1;
}

function shifted(n: u32): i32 {
  if (((u32(0xA5) >>> n) & 1) != 0) return 1;
  return 0;
}

export function main(): i32 {
  words[0] = 0x0000FFFF; words[1] = 0x7FFFFFFF; words[2] = 0; words[3] = 0xF0F0F0F7;
  let r: i32 = 0;
  for (let i: i32 = 0; i < 4; i++) {
    r = r * 7 + firstClear(words[i]) + countSet(words[i]) * 3 + bit5(words[i]) + shifted(u32(i) * 2) + signBit(i32(words[i]), 28 + i) * 11;
  }
  return r & 255;
}
`;

function expected(): number {
  const words = [0x0000ffff, 0x7fffffff, 0, 0xf0f0f0f7];
  let r = 0;
  for (let i = 0; i < 4; i++) {
    const w = words[i]!;
    let bit = 0;
    while (((w >>> bit) & 1) !== 0) bit++;
    let n = 0;
    for (let b = 0; b < 40; b++) if (((w >>> (b & 31)) & 1) !== 0) n++;
    r = (r * 7 + bit + n * 3 + ((w >>> 5) & 1) + ((0xa5 >>> ((i * 2) & 31)) & 1) + (((w | 0) >> ((28 + i) & 31)) & 1) * 11) | 0;
  }
  return r & 255;
}

describe("bit tests (isel)", function () {
  const dir = tmpDir("ts386-bt-");
  const src = path.join(dir, "bits.ts");
  fs.writeFileSync(src, PROGRAM);

  it("selects bt for a shifted-out bit and test r, imm for a loop's and-test", async function () {
    const asm = path.join(dir, "bits.asm");
    const r = await ts386(["compile", src, "-o", path.join(dir, "bits.o"), "--target", "linux", "--emit-asm", asm]);
    expect(r.stderr).to.equal("");
    const text = fs.readFileSync(asm, "utf8");
    // (the small functions are inlined into main)
    expect(text).to.match(/\n +bt e[a-z]+, e[a-z]+.*\n +jb /); // firstClear's loop
    expect(text.match(/\n +bt e[a-z]+, e[a-z]+\b/g)).to.have.length(4); // and countSet's, shifted's, signBit's
    expect(text).to.match(/\n +bt e[a-z]+, 5\b/); // bit5
    expect(text).to.match(/\n +test e[a-z]+, 1\b/); // firstClear's first test
    expect(text).not.to.match(/\n +shr /);
  });

  it("computes what the shifts and masks compute", async function () {
    const exe = path.join(dir, "bits");
    const r = await ts386(["build", src, "-o", exe, "--target", "linux"]);
    expect(r.stderr).to.equal("");
    const p = spawnSync(exe, [], { encoding: "latin1" });
    expect(p.status).to.equal(expected());
  });
});
