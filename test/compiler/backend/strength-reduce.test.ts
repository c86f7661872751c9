// Strength reduction (compiler/opt/strength-reduce.ts): `28 - 4 * i` becomes a register
// stepped by -4 and `pool + i * 20` a pointer advanced by 20, where the loop counter
// only changes by a constant step; both programs compute what they did.

import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { tmpDir, ts386 } from "../../tools.js";

const PROGRAM = `
const text = new StaticArray<u8>(8);
const pool = new StaticArray<u32>(5 * 64);

export function hex(n: u32): void {
  for (let i = 0; i < 8; i++) {
    const digit = (n >>> u32(28 - 4 * i)) & 15;
    text[i] = u8(digit < 10 ? 48 + digit : 55 + digit);
  }
}

export function fill(seed: u32): void {
  for (let i = 0; i < 64; i++) {
    const p = addressOf(pool) + usize(i) * 20;
    store<u32>(p, seed + u32(i));
    store<u32>(p + 16, seed ^ u32(i));
  }
}

// two steps of i in one iteration, a negative step, and the chain read after the loop
export function odd(): u32 {
  let sum: u32 = 0;
  let last: u32 = 0;
  for (let i = 60; i > 0; ) {
    last = u32(100 - 3 * i);
    sum = sum * 7 + last;
    i -= 2;
    if ((sum & 1) != 0) i -= 1;
  }
  return sum ^ last;
}

export function main(): i32 {
  hex(0x1234ABCD);
  fill(77);
  let sum: u32 = odd();
  for (let i = 0; i < 8; i++) sum = sum * 31 + text[i];
  for (let i = 0; i < 5 * 64; i++) sum = sum * 31 + pool[i];
  return i32(sum & 255);
}
`;

function expected(): number {
  const text = [..."1234ABCD"].map((ch) => ch.charCodeAt(0));
  const pool = new Array<number>(5 * 64).fill(0);
  for (let i = 0; i < 64; i++) {
    pool[i * 5] = (77 + i) >>> 0;
    pool[i * 5 + 4] = (77 ^ i) >>> 0;
  }
  let sum = 0;
  let last = 0;
  for (let i = 60; i > 0; ) {
    last = (100 - 3 * i) >>> 0;
    sum = (Math.imul(sum, 7) + last) >>> 0;
    i -= 2;
    if ((sum & 1) !== 0) i -= 1;
  }
  sum = (sum ^ last) >>> 0;
  for (const x of text) sum = (Math.imul(sum, 31) + x) >>> 0;
  for (const x of pool) sum = (Math.imul(sum, 31) + x) >>> 0;
  return sum & 255;
}

/** The lines of function `name` in an --emit-asm listing. */
function body(text: string, name: string): string {
  const start = text.indexOf(`\n${name}:`);
  const end = text.slice(start + 1).search(/\n(global|static) /);
  return end < 0 ? text.slice(start) : text.slice(start, start + 1 + end);
}

describe("strength reduction (strength-reduce)", function () {
  const dir = tmpDir("ts386-sr-");
  const src = path.join(dir, "sr.ts");
  fs.writeFileSync(src, PROGRAM);
  let text = "";

  before(async function () {
    const asm = path.join(dir, "sr.asm");
    const r = await ts386(["compile", src, "-o", path.join(dir, "sr.o"), "--target", "linux", "--emit-asm", asm]);
    expect(r.stderr).to.equal("");
    text = fs.readFileSync(asm, "utf8");
  });

  it("steps the shift count by -4 instead of computing 28 - 4*i", function () {
    const hex = body(text, "hex");
    expect(hex).to.match(/mov e\w\w, 28/);
    expect(hex).to.match(/add e\w\w, -4/);
    expect(hex).not.to.match(/\bsub\b|\*4\]/);
  });

  it("advances a pointer by 20 instead of multiplying", function () {
    const fill = body(text, "fill");
    expect(fill).to.match(/add e\w\w, 20/);
    expect(fill).not.to.match(/imul|\*4\]|\*5\]/);
  });

  it("computes the same values", async function () {
    const exe = path.join(dir, "sr");
    const r = await ts386(["build", src, "-o", exe, "--target", "linux"]);
    expect(r.stderr).to.equal("");
    expect(spawnSync(exe, []).status).to.equal(expected());
  });
});
