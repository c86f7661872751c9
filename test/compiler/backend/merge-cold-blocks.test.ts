// Identical bounds-check failure blocks of a function (same message, same line) are
// emitted once (merge-cold-blocks.ts); each check still jumps to a failure that reports its line.

import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { tmpDir, ts386 } from "../../tools.js";

const PROGRAM = `
const stack = new StaticArray<i32>(16);

export function add(sp: i32): i32 {
  sp--;
  stack[sp - 1] = stack[sp - 1] + stack[sp];
  stack[sp] = 0;
  return sp;
}

export function main(): i32 {
  for (let i = 0; i < 16; i++) stack[i] = i;
  let sp = add(5);
  sp = add(sp);
  return add(0);
}
`;

describe("merged panic blocks (merge-cold-blocks.ts)", function () {
  const dir = tmpDir("ts386-cold-");
  const src = path.join(dir, "cold.ts");
  fs.writeFileSync(src, PROGRAM);

  it("emits one failure block per message and line", async function () {
    const asm = path.join(dir, "cold.asm");
    const r = await ts386(["compile", src, "-o", path.join(dir, "cold.o"), "--target", "linux", "--emit-asm", asm]);
    expect(r.stderr).to.equal("");
    const text = fs.readFileSync(asm, "utf8");
    const add = text.slice(text.indexOf("\n$add:"), text.indexOf("\nglobal main"));
    // line 6 checks sp - 1 and sp: two checks, one block (line 7 needs no check of its own)
    expect(add.match(/call __ts386_bounds_fail/g)?.length, add).to.equal(1);
  });

  it("still fails at the right line", async function () {
    const exe = path.join(dir, "cold");
    const r = await ts386(["build", src, "-o", exe, "--target", "linux"]);
    expect(r.stderr).to.equal("");
    const run = spawnSync(exe, []);
    expect(run.status).to.not.equal(0);
    expect(run.stdout.toString() + run.stderr.toString()).to.match(/cold\.ts:6/);
  });
});
