// `x < 0 || x >= N` and `x >= 0 && x < N` on a temp become one unsigned compare
// (`if.ult x, N`); on a field read twice both reads stay. Results are checked
// at the edges: negative, 0, N - 1, N, and the int32 extremes.

import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { tmpDir, ts386 } from "../../tools.js";

const PROGRAM = `
const values = new StaticArray<i32>(8);

export function outside(x: i32): i32 {
  if (x < 0 || x >= 100) return 1;
  return 0;
}

export function inside(x: i32): i32 {
  if (x >= 0 && x < 100) return 2;
  return 0;
}

export function main(): i32 {
  values[0] = -5; values[1] = 0; values[2] = 99; values[3] = 100;
  values[4] = -2147483648; values[5] = 2147483647; values[6] = -1; values[7] = 50;
  let r: i32 = 0;
  for (let i = 0; i < 8; i++) r = r * 3 + outside(values[i]) + inside(values[i]);
  return r & 255;
}
`;

describe("sign and bound tests as one unsigned compare", function () {
  const dir = tmpDir("ts386-unsigned-range-");
  let ir = "";
  let status: number | null = null;

  before(async function () {
    const src = path.join(dir, "range.ts");
    fs.writeFileSync(src, PROGRAM);
    const irFile = path.join(dir, "range.ir");
    const c = await ts386(["compile", src, "-o", path.join(dir, "range.o"), "--target", "linux", "--emit-ir", irFile]);
    expect(c.stderr).to.equal("");
    ir = fs.readFileSync(irFile, "utf8");
    const exe = path.join(dir, "range");
    const r = await ts386(["build", src, "-o", exe, "--target", "linux"]);
    expect(r.stderr).to.equal("");
    status = spawnSync(exe, []).status;
  });

  const body = (name: string): string => {
    const at = ir.indexOf(`function ${name} `);
    return ir.slice(at, ir.indexOf("\n\n", at));
  };

  it("tests x < 0 || x >= 100 and x >= 0 && x < 100 with one if.ult each", function () {
    for (const name of ["outside", "inside"]) {
      expect(body(name), name).to.match(/if\.ult %0, 100 /);
      expect(body(name), name).to.not.match(/if\.(lt|ge|gt|le) /);
    }
  });

  it("computes what the two tests compute", function () {
    let r = 0;
    for (const x of [-5, 0, 99, 100, -2147483648, 2147483647, -1, 50]) {
      r = (Math.imul(r, 3) + (x < 0 || x >= 100 ? 1 : 0) + (x >= 0 && x < 100 ? 2 : 0)) | 0;
    }
    expect(status).to.equal(r & 255);
  });
});
