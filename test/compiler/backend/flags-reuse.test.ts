// Flags reuse: `sub r, 1; (moves); test r, r; jne/ja` keeps only the sub, whose ZF
// the jump tests (`ja` after a test is `jne`: the test clears CF, the sub may not).
// A test whose register was last set by a move, or a compare needing CF, stays.

import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { tmpDir, ts386 } from "../../tools.js";

const PROGRAM = `
const src = new StaticArray<u8>(32);
const dst = new StaticArray<u8>(32);

function copyDown(count: usize): void {
  let i: usize = count;
  while (i > 0) {
    i--;
    store<u8>(addressOf(dst) + i, load<u8>(addressOf(src) + i));
  }
}

function countDown(n: i32): i32 {
  let steps: i32 = 0;
  while (n != 0) {
    n = n - 3;
    steps++;
    if (steps > 100) break;
  }
  return steps;
}

export function main(): i32 {
  for (let i = 0; i < 32; i++) src[i] = u8(i * 5 + 1);
  copyDown(32);
  let sum: i32 = 0;
  for (let i = 0; i < 32; i++) sum += i32(dst[i]) * (i + 1);
  return (sum + countDown(30) + countDown(31) * 3) & 255;
}
`;

function expected(): number {
  let sum = 0;
  for (let i = 0; i < 32; i++) sum += ((i * 5 + 1) & 255) * (i + 1);
  const countDown = (n: number): number => {
    let steps = 0;
    while (n !== 0) { n -= 3; steps++; if (steps > 100) break; }
    return steps;
  };
  return (sum + countDown(30) + countDown(31) * 3) & 255;
}

describe("flags reuse (peephole)", function () {
  const dir = tmpDir("ts386-flags-");
  const file = path.join(dir, "flags.ts");
  fs.writeFileSync(file, PROGRAM);

  it("drops the test after a sub that set the flags, keeps one after other arithmetic", async function () {
    const asm = path.join(dir, "flags.asm");
    const r = await ts386(["compile", file, "-o", path.join(dir, "flags.o"), "--target", "linux", "--emit-asm", asm]);
    expect(r.stderr).to.equal("");
    const text = fs.readFileSync(asm, "utf8");
    // (inlined into main) copyDown's loop: sub, load, store, jne (no test between)
    expect(text).to.match(/sub (e\w\w), 1[^\n]*\n +movzx[^\n]*\n +mov byte[^\n]*\n +jne /);
    // countDown's `n != 0` follows `add steps, 1` (not n): its test stays
    expect(text.match(/\n +test (e\w\w), \1\b/g)).to.have.length(2);
  });

  it("computes the same", async function () {
    const exe = path.join(dir, "flags");
    const r = await ts386(["build", file, "-o", exe, "--target", "linux"]);
    expect(r.stderr).to.equal("");
    expect(spawnSync(exe, []).status).to.equal(expected());
  });
});
