// Sign-flag reuse (peephole): `sub r, 1; test r, r; jge` is `sub r, 1; jns` (after a
// test OF is 0, so ge is "sign clear"; the sub sets SF from its result as test does), and
// `jl` is `js`: insertion sort's inner loop `while (j >= 0 && …) j--`.

import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { tmpDir, ts386 } from "../../tools.js";

const PROGRAM = `
const values = new StaticArray<u32>(64);

function sort(n: i32): void {
  for (let i = 1; i < n; i++) {
    const v = values[i];
    let j = i - 1;
    while (j >= 0 && values[j] > v) {
      values[j + 1] = values[j];
      j--;
    }
    values[j + 1] = v;
  }
}

let start: i32 = -2147483647;

/** Steps down by 2 from start while the value is negative: wraps past INT_MIN to INT_MAX. */
function wrap(): i32 {
  let x = start;
  let steps = 0;
  while (x < 0) {
    steps++;
    x = x - 2;
  }
  return steps + (x & 7);
}

export function main(): i32 {
  let seed: u32 = 7;
  for (let i = 0; i < 64; i++) {
    seed = seed * 1103515245 + 12345;
    values[i] = seed >>> 8;
  }
  sort(64);
  let ok = 1;
  for (let i = 1; i < 64; i++) if (values[i - 1] > values[i]) ok = 0;
  return ok * 100 + wrap();
}
`;

describe("sign-flag reuse (peephole)", function () {
  const dir = tmpDir("ts386-sign-");
  const src = path.join(dir, "sign.ts");
  fs.writeFileSync(src, PROGRAM);

  it("branches on the sign the sub set", async function () {
    const asm = path.join(dir, "sign.asm");
    const r = await ts386(["compile", src, "-o", path.join(dir, "sign.o"), "--target", "linux", "--emit-asm", asm]);
    expect(r.stderr).to.equal("");
    const text = fs.readFileSync(asm, "utf8");
    const sort = text.slice(text.indexOf("\nsort:"), text.indexOf("\nwrap:"));
    const lines = sort.split("\n").filter((l) => /^\s+\w/.test(l)).map((l) => l.trim().split(/\s*;/)[0]!);
    const at = lines.findIndex((l) => /^jn?s /.test(l));
    expect(at, lines.join("\n")).to.be.greaterThan(0);
    expect(lines[at - 1], lines.join("\n")).to.match(/^sub e\w\w, 1$/);
    // the wrapping loop: `sub r, 2; js` (SF of the result, as `test r, r; jl` reads it)
    expect(text).to.match(/sub e\w\w, 2\s*(;[^\n]*)?\n\s+js /);
  });

  it("computes the right values", async function () {
    const exe = path.join(dir, "sign");
    const r = await ts386(["build", src, "-o", exe, "--target", "linux"]);
    expect(r.stderr).to.equal("");
    // sorted (100) + one step (-2147483647 - 2 wraps to 2147483647, & 7 = 7)
    expect(spawnSync(exe, []).status).to.equal(108);
  });
});
