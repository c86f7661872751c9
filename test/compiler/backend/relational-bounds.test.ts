// Bounds checks implied by a relation and ranges: after `i >= 0 && i < n`, a
// later `n <= 64` makes `a[i]` (length 64) safe, though range analysis narrowed i
// by n's range before n was bounded. Without `i >= 0`, or with `n <= 65`, the
// check stays, and a call that breaks it fails it.

import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { tmpDir, ts386 } from "../../tools.js";

const program = (call: string): string => `
const a = new StaticArray<u32>(64);

export function proven(i: i32, n: i32): u32 {
  if (i >= 0 && i < n) {
    if (n <= 64) return a[i];
  }
  return 0;
}

export function unsigned(i: u32, n: u32): u32 {
  if (i < n) {
    if (n <= 64) return a[i];
  }
  return 0;
}

export function maybeNegative(i: i32, n: i32): u32 {
  if (i < n) {
    if (n <= 64) return a[i];
  }
  return 0;
}

export function oneTooMany(i: i32, n: i32): u32 {
  if (i >= 0 && i < n) {
    if (n <= 65) return a[i];
  }
  return 0;
}

export function main(): i32 {
  for (let k = 0; k < 64; k++) a[k] = u32(k * 3);
  let r = proven(5, 9) + proven(63, 64) + proven(70, 80) + unsigned(2, 3) + maybeNegative(7, 8) + oneTooMany(10, 11);
  ${call}
  return i32(r & 255);
}
`;

describe("bounds checks implied by a relation and a range", function () {
  const dir = tmpDir("ts386-relational-");

  async function build(name: string, call: string): Promise<{ ir: string; status: number | null }> {
    const src = path.join(dir, `${name}.ts`);
    fs.writeFileSync(src, program(call));
    const irFile = path.join(dir, `${name}.ir`);
    const c = await ts386(["compile", src, "-o", path.join(dir, `${name}.o`), "--target", "linux", "--emit-ir", irFile]);
    expect(c.stderr).to.equal("");
    const exe = path.join(dir, name);
    const r = await ts386(["build", src, "-o", exe, "--target", "linux"]);
    expect(r.stderr).to.equal("");
    return { ir: fs.readFileSync(irFile, "utf8"), status: spawnSync(exe, []).status };
  }
  const body = (ir: string, name: string): string => {
    const at = ir.indexOf(`function ${name} `);
    return ir.slice(at, ir.indexOf("\n\n", at));
  };

  it("drops the check when 0 <= i < n <= length, keeps it otherwise", async function () {
    const { ir, status } = await build("relations", "");
    expect(body(ir, "proven")).to.not.match(/__ts386_bounds_fail/);
    expect(body(ir, "unsigned")).to.not.match(/__ts386_bounds_fail/);
    expect(body(ir, "maybeNegative")).to.match(/__ts386_bounds_fail/);
    expect(body(ir, "oneTooMany")).to.match(/__ts386_bounds_fail/);
    expect(status).to.equal((15 + 189 + 0 + 6 + 21 + 30) & 255);
  });

  it("fails the kept checks", async function () {
    expect((await build("negative", "r += maybeNegative(-1, 8);")).status).to.equal(134);
    expect((await build("beyond", "r += oneTooMany(64, 65);")).status).to.equal(134);
  });
});
