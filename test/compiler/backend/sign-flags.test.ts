// Sign tests reuse flags too: `sub r, 1; test r, r; jge` is `sub r, 1; jns` (the sub
// set SF from r as the test would; only OF differs, which js/jns do not read), so a
// loop counting down to 0 (`j >= 0`) or up from a negative (`j < 0`) needs no test.

import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { tmpDir, ts386 } from "../../tools.js";

const PROGRAM = `
const values = new StaticArray<u32>(64);

export function insertionSort(n: i32): void {
  for (let i = 1; i < n; i++) {
    const key = values[i];
    let j = i - 1;
    while (j >= 0 && values[j] > key) {
      values[j + 1] = values[j];
      j--;
    }
    values[j + 1] = key;
  }
}

// j - 1 wraps from INT_MIN to INT_MAX: SF is 0 either way, the loop runs once more
export function wraps(start: i32): i32 {
  let steps = 0;
  for (let j = start; j >= 0 || steps < 2; j--) {
    steps++;
    if (steps > 3) break;
  }
  return steps;
}

export function main(): i32 {
  let seed: u32 = 7;
  for (let i = 0; i < 64; i++) {
    seed = seed * 1103515245 + 12345;
    values[i] = seed >>> 16;
  }
  insertionSort(64);
  let sum: u32 = 0;
  for (let i = 0; i < 64; i++) sum = sum * 31 + values[i];
  return i32(sum & 127) + wraps(-2147483648) * 1000 % 256;
}
`;

function expected(): number {
  const values: number[] = [];
  let seed = 7;
  for (let i = 0; i < 64; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    values.push(seed >>> 16);
  }
  values.sort((a, b) => a - b);
  let sum = 0;
  for (const v of values) sum = (Math.imul(sum, 31) + v) >>> 0;
  let steps = 0;
  for (let j = -2147483648; j >= 0 || steps < 2; j = (j - 1) | 0) {
    steps++;
    if (steps > 3) break;
  }
  return ((sum & 127) + ((steps * 1000) % 256)) & 255;
}

describe("sign tests on the flags of a sub (peephole)", function () {
  const dir = tmpDir("ts386-sign-");
  const file = path.join(dir, "sign.ts");
  fs.writeFileSync(file, PROGRAM);

  it("branches on j >= 0 with jns right after the sub", async function () {
    const asm = path.join(dir, "sign.asm");
    const r = await ts386(["compile", file, "-o", path.join(dir, "sign.o"), "--target", "linux", "--emit-asm", asm]);
    expect(r.stderr).to.equal("");
    const text = fs.readFileSync(asm, "utf8");
    const sort = text.slice(text.indexOf("\ninsertionSort:"), text.indexOf("\nglobal wraps"));
    expect(sort).to.match(/sub (e\w\w), 1[^\n]*\n +jns insertionSort\.L\d+/);
    expect(sort).not.to.match(/\btest\b/);
  });

  it("computes the same", async function () {
    const exe = path.join(dir, "sign");
    const r = await ts386(["build", file, "-o", exe, "--target", "linux"]);
    expect(r.stderr).to.equal("");
    expect(spawnSync(exe, []).status).to.equal(expected());
  });
});
