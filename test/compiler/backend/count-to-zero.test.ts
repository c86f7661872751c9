// Counted loops whose counter only indexes arrays count from a - B up to 0
// (compiler/opt/count-to-zero.ts): the latch is `add r, 1; jne` with no `cmp`,
// and the bound moves into the displacement (`[eax*2+(screen + 320)]`).

import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { tmpDir, ts386 } from "../../tools.js";

const PROGRAM = `
const screen = new StaticArray<u16>(200);
const bytes = new StaticArray<u8>(100);
const words = new StaticArray<i32>(100);
const text = new StaticArray<u8>(8);

export function scroll(): void {
  for (let i = 0; i < 160; i++) screen[i] = screen[i + 40];
}

// step 3 from 3: reaches 99 exactly
export function thirds(): void {
  for (let i = 3; i < 99; i += 3) words[i] = words[i - 3] + 1;
}

// step 4 from 1 passes 98 without meeting it: stays a compare
export function uneven(): void {
  for (let i = 1; i < 98; i += 4) words[i] = words[i] + 5;
}

// an early exit: the counter is dead at both exits
export function untilSeven(): void {
  for (let i = 0; i < 100; i++) {
    if (bytes[i] == 7) break;
    bytes[i] = 1;
  }
}

// the counter is read after the loop: stays a compare
export function firstSeven(): i32 {
  let i = 0;
  for (; i < 100; i++) if (bytes[i] == 7) break;
  return i;
}

// i's value read in a latch (the block ends in the exit test): that block pays one add
// and saves one cmp; the others save theirs
export function countZeros(): i32 {
  let count = 0;
  let sum = 0;
  for (let i = 2; i < 100; i++) {
    if (bytes[i] == 0) {
      count++;
      sum += i;
    }
  }
  return count * 1000 + sum;
}

// i's value read where no exit test is: stays a compare
export function weighted(): i32 {
  let sum = 0;
  for (let i = 0; i < 100; i++) {
    sum = sum * 3 + (i ^ 3);
    if (bytes[i] > 50) sum = sum + 1;
  }
  return sum;
}

// text + i computed before a branch, stored after it; t * 16 + i as an index
export function hex(n: u32): void {
  for (let i = 0; i < 8; i++) {
    const d = (n >>> u32(28 - 4 * i)) & 15;
    text[i] = u8(d < 10 ? 48 + d : 55 + d);
  }
}

export function grid(): void {
  for (let t = 0; t < 4; t++) {
    for (let i = 0; i < 16; i++) words[t * 16 + i] = words[t * 16 + i] + t;
  }
}

// bounds in temps: a guard before the loop proves start < count; i + x (x invariant)
// becomes j + (x + count), computed before the loop
export function copyBytes(dst: usize, src: usize, count: usize): void {
  for (let i: usize = 0; i < count; i++) store<u8>(dst + i, load<u8>(src + i));
}

export function sumRange(from: i32, to: i32): i32 {
  let sum = 0;
  for (let i = from; i < to; i++) sum = sum * 3 + i32(load<u8>(addressOf(bytes) + usize(i)));
  return sum;
}

export function main(): i32 {
  for (let i = 0; i < 200; i++) screen[i] = u16(i * 3);
  for (let i = 0; i < 100; i++) bytes[i] = u8(i * 5);
  for (let i = 0; i < 100; i++) words[i] = i;
  scroll();
  thirds();
  uneven();
  let seven = firstSeven();
  bytes[50] = 7;
  untilSeven();
  seven = seven * 1000 + firstSeven();
  seven = seven ^ countZeros() ^ weighted();
  copyBytes(addressOf(bytes) + 60, addressOf(bytes) + 3, 17);
  copyBytes(addressOf(bytes) + 90, addressOf(bytes) + 1, 1);
  copyBytes(addressOf(bytes), addressOf(bytes) + 1, 0);
  seven = seven ^ sumRange(5, 40) ^ sumRange(40, 5) ^ sumRange(-3, -3);
  hex(0x9ABC1234);
  grid();
  let sum: i32 = 0;
  for (let i = 0; i < 8; i++) sum = sum * 3 + i32(text[i]);
  for (let i = 0; i < 200; i++) sum = sum * 3 + i32(screen[i]);
  for (let i = 0; i < 100; i++) sum = sum * 5 + i32(bytes[i]);
  for (let i = 0; i < 100; i++) sum = sum * 7 + words[i];
  return (sum ^ seven) & 255;
}
`;

function expected(): number {
  const screen = Array.from({ length: 200 }, (_, i) => (i * 3) & 0xffff);
  const bytes = Array.from({ length: 100 }, (_, i) => (i * 5) & 0xff);
  const words = Array.from({ length: 100 }, (_, i) => i);
  const firstSeven = (): number => {
    let i = 0;
    for (; i < 100; i++) if (bytes[i] === 7) break;
    return i;
  };
  for (let i = 0; i < 160; i++) screen[i] = screen[i + 40]!;
  for (let i = 3; i < 99; i += 3) words[i] = words[i - 3]! + 1;
  for (let i = 1; i < 98; i += 4) words[i] = words[i]! + 5;
  let seven = firstSeven();
  bytes[50] = 7;
  for (let i = 0; i < 100; i++) {
    if (bytes[i] === 7) break;
    bytes[i] = 1;
  }
  seven = seven * 1000 + firstSeven();
  let count = 0;
  let zeroSum = 0;
  for (let i = 2; i < 100; i++) {
    if (bytes[i] === 0) {
      count++;
      zeroSum += i;
    }
  }
  let weighted = 0;
  for (let i = 0; i < 100; i++) {
    weighted = (Math.imul(weighted, 3) + (i ^ 3)) | 0;
    if (bytes[i]! > 50) weighted = (weighted + 1) | 0;
  }
  seven = seven ^ (count * 1000 + zeroSum) ^ weighted;
  for (let i = 0; i < 17; i++) bytes[60 + i] = bytes[3 + i]!;
  bytes[90] = bytes[1]!;
  const sumRange = (from: number, to: number): number => {
    let sum = 0;
    for (let i = from; i < to; i++) sum = (Math.imul(sum, 3) + bytes[i]!) | 0;
    return sum;
  };
  seven = seven ^ sumRange(5, 40) ^ sumRange(40, 5) ^ sumRange(-3, -3);
  const text = [..."9ABC1234"].map((ch) => ch.charCodeAt(0));
  for (let t = 0; t < 4; t++) for (let i = 0; i < 16; i++) words[t * 16 + i] = words[t * 16 + i]! + t;
  let sum = 0;
  for (const x of text) sum = (Math.imul(sum, 3) + x) | 0;
  for (const x of screen) sum = (Math.imul(sum, 3) + x) | 0;
  for (const x of bytes) sum = (Math.imul(sum, 5) + x) | 0;
  for (const x of words) sum = (Math.imul(sum, 7) + x) | 0;
  return (sum ^ seven) & 255;
}

/** The lines of function `name` in an --emit-asm listing. */
function body(text: string, name: string): string {
  const start = text.indexOf(`\n${name}:`);
  const end = text.slice(start + 1).search(/\n(global|static) /);
  return end < 0 ? text.slice(start) : text.slice(start, start + 1 + end);
}

describe("counting up to zero (count-to-zero)", function () {
  const dir = tmpDir("ts386-zero-");
  const src = path.join(dir, "zero.ts");
  fs.writeFileSync(src, PROGRAM);
  let text = "";

  before(async function () {
    const asm = path.join(dir, "zero.asm");
    const r = await ts386(["compile", src, "-o", path.join(dir, "zero.o"), "--target", "linux", "--emit-asm", asm]);
    expect(r.stderr).to.equal("");
    text = fs.readFileSync(asm, "utf8");
  });

  it("ends a counted copy loop with add + jne, the bound in the displacements", function () {
    const scroll = body(text, "scroll");
    expect(scroll).to.match(/mov e\w\w, -160/);
    expect(scroll).to.match(/word \[e\w\w\*2\+\(screen \+ 400\)\]/);
    expect(scroll).to.match(/word \[e\w\w\*2\+\(screen \+ 320\)\]/);
    expect(scroll).to.match(/add e\w\w, 1\s*(;.*)?\n\s*jne scroll\.L\d+/);
    expect(scroll).not.to.match(/\bcmp\b/);
  });

  it("counts by steps that meet the bound exactly, and through an early exit", function () {
    expect(body(text, "thirds")).not.to.match(/\bcmp e\w\w, 99\b/);
    expect(body(text, "thirds")).to.match(/add e\w\w, 3\s*(;.*)?\n\s*jne/);
    expect(body(text, "untilSeven")).not.to.match(/\bcmp e\w\w, 100\b/);
  });

  it("reads i's value where a latch pays for it; folds text + i and t * 16 + i", function () {
    expect(body(text, "countZeros")).not.to.match(/\bcmp e\w\w, 100\b/);
    expect(body(text, "hex")).not.to.match(/\bcmp e\w\w, 8\b/);
    expect(body(text, "hex")).to.match(/\(text \+ 8\)/);
    expect(body(text, "grid")).not.to.match(/\bcmp e\w\w, 16\b/);
    expect(body(text, "grid")).to.match(/\*4\+\(words \+ 64\)\]/);
  });

  it("counts up to a bound held in a register, the bound added to the bases before the loop", function () {
    for (const name of ["copyBytes", "sumRange"]) {
      const fn = body(text, name);
      const loop = fn.slice(fn.lastIndexOf(".L", fn.search(/add e\w\w, 1\s*(;.*)?\n\s*jne/)));
      expect(loop, name).to.match(/add e\w\w, 1\s*(;.*)?\n\s*jne/);
      expect(loop.slice(0, loop.search(/\n\s*jne/)), name).not.to.match(/\bcmp\b/);
    }
  });

  it("keeps the compare when the step passes the bound or the counter is read after the loop", function () {
    expect(body(text, "uneven")).to.match(/\bcmp e\w\w, 98\b/);
    expect(body(text, "firstSeven")).to.match(/\bcmp e\w\w, 100\b/);
    expect(body(text, "weighted")).to.match(/\bcmp e\w\w, 100\b/);
  });

  it("computes the same values", async function () {
    const exe = path.join(dir, "zero");
    const r = await ts386(["build", src, "-o", exe, "--target", "linux"]);
    expect(r.stderr).to.equal("");
    expect(spawnSync(exe, []).status).to.equal(expected());
  });
});
