// Inlining beyond leaves: at a call in an innermost loop, a small function that
// makes calls (here a bounds-checked store) and a function called only there are
// inlined and, when nothing else refers to them, dropped; recursive functions,
// exported functions called more than once, and calls outside loops stay calls.
// The program's result is checked against the same logic in JS.

import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { tmpDir, ts386 } from "../../tools.js";

const PROGRAM = `
const cells = new StaticArray<u32>(64);
let hint: i32 = 0;

function put(i: i32, v: u32): void {
  cells[i] = v;
}

function firstZero(): i32 {
  for (let w = hint; w < 64; w++) {
    if (cells[w] == 0) return w;
  }
  return -1;
}

function take(): i32 {
  const w = firstZero();
  if (w >= 0) {
    cells[w] = 1;
    hint = w;
  }
  return w;
}

function countdown(n: i32): i32 {
  if (n <= 0) return 0;
  return countdown(n - 1) * 2 + 1; // not an accumulation: stays recursive
}

function ping(n: i32): i32 { return n <= 0 ? 0 : pong(n - 1) + 2; }
function pong(n: i32): i32 { return n <= 0 ? 1 : ping(n - 1) * 3; }

function setup(): void {
  for (let i = 0; i < 64; i++) put(i, 0);
}

export function main(): i32 {
  setup();
  let sum: i32 = 0;
  for (let i = 0; i < 40; i++) put(i, u32(i & 1));
  for (let k = 0; k < 30; k++) sum = sum * 3 + take();
  for (let k = 0; k < 5; k++) sum += countdown(k) + ping(k);
  return sum & 255;
}
`;

function expected(): number {
  const cells = new Uint32Array(64);
  let hint = 0;
  const take = (): number => {
    for (let w = hint; w < 64; w++) {
      if (cells[w] === 0) {
        cells[w] = 1;
        hint = w;
        return w;
      }
    }
    return -1;
  };
  const ping = (n: number): number => (n <= 0 ? 0 : pong(n - 1) + 2);
  const pong = (n: number): number => (n <= 0 ? 1 : ping(n - 1) * 3);
  let sum = 0;
  for (let i = 0; i < 40; i++) cells[i] = i & 1;
  for (let k = 0; k < 30; k++) sum = (Math.imul(sum, 3) + take()) | 0;
  for (let k = 0; k < 5; k++) sum = (sum + (1 << k) - 1 + ping(k)) | 0;
  return sum & 255;
}

describe("inlining of non-leaf and single-call functions", function () {
  const dir = tmpDir("ts386-inline-");
  let ir = "";
  let status: number | null = null;

  before(async function () {
    const src = path.join(dir, "inline.ts");
    fs.writeFileSync(src, PROGRAM);
    const irFile = path.join(dir, "inline.ir");
    const c = await ts386(["compile", src, "-o", path.join(dir, "inline.o"), "--target", "linux", "--emit-ir", irFile]);
    expect(c.stderr).to.equal("");
    ir = fs.readFileSync(irFile, "utf8");
    const exe = path.join(dir, "inline");
    const r = await ts386(["build", src, "-o", exe, "--target", "linux"]);
    expect(r.stderr).to.equal("");
    status = spawnSync(exe, []).status;
  });

  it("inlines a small function with a call, and a single-call function with a loop, into innermost loops", function () {
    const main = ir.slice(ir.indexOf("function main"));
    expect(main).to.not.match(/\$put\(|\$take\(|\$firstZero\(/);
    expect(ir).to.not.match(/function (take|firstZero) /);
  });

  it("keeps calls outside loops and recursive calls", function () {
    expect(ir).to.match(/call internal \$setup\(/);
    expect(ir).to.match(/call internal \$countdown\(/);
    expect(ir).to.match(/call internal \$ping\(/);
    expect(ir).to.match(/function countdown /);
  });

  it("computes what the program computes", function () {
    expect(status).to.equal(expected());
  });
});
