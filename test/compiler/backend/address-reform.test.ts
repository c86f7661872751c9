// Addresses re-formed at each use (stable-values.ts): `stack[sp - 1] = stack[sp - 1] + stack[sp]`
// computes the store's address before the second bounds check; the store still addresses
// `[ecx*4+stack]` itself instead of keeping `stack + 4*(sp-1)` in a register (`lea; add`),
// also when the index is a variable written elsewhere but not between the two points.
// And a callee-saved register freed by the peephole passes is not saved.

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
  return sp;
}

export function push(sp: i32, v: i32, w: i32): i32 {
  for (let k = 0; k < 2; k++) {
    stack[sp] = v + stack[w];
    sp++;
  }
  return sp;
}

export function main(): i32 {
  for (let i = 0; i < 16; i++) stack[i] = i * 3 + 1;
  let sp = push(10, 5, 2);
  sp = add(sp);
  sp = add(sp);
  return (stack[sp - 1] * 7 + sp) & 255;
}
`;

function expected(): number {
  const stack = Array.from({ length: 16 }, (_, i) => i * 3 + 1);
  let sp = 10;
  for (let k = 0; k < 2; k++) stack[sp++] = 5 + stack[2]!;
  for (let n = 0; n < 2; n++) {
    sp--;
    stack[sp - 1] = stack[sp - 1]! + stack[sp]!;
  }
  return (stack[sp - 1]! * 7 + sp) & 255;
}

describe("addresses re-formed at each use (isel)", function () {
  const dir = tmpDir("ts386-reform-");
  const src = path.join(dir, "reform.ts");
  fs.writeFileSync(src, PROGRAM);

  const body = (text: string, fn: string): string[] => {
    const start = text.indexOf(`\n${fn}:`);
    const end = text.indexOf("\nglobal ", start + 1);
    return text.slice(start, end).split("\n").filter((l) => /^\s+\w/.test(l)).map((l) => l.trim().split(/\s*;/)[0]!);
  };

  it("stores through [index*4+stack] after the second check", async function () {
    const asm = path.join(dir, "reform.asm");
    const r = await ts386(["compile", src, "-o", path.join(dir, "reform.o"), "--target", "linux", "--emit-asm", asm]);
    expect(r.stderr).to.equal("");
    const text = fs.readFileSync(asm, "utf8");
    for (const fn of ["$add", "$push"]) {
      const lines = body(text, fn);
      expect(lines.some((l) => /^mov dword \[e\w\w\*4\+stack\], e\w\w$/.test(l)), lines.join("\n")).to.equal(true);
      expect(lines.filter((l) => /^(add e\w\w, stack|lea e\w\w, \[e\w\w\*4\])$/.test(l)), lines.join("\n")).to.deep.equal([]);
    }
    const add = body(text, "$add");
    expect(add.filter((l) => l.startsWith("push e")), add.join("\n")).to.deep.equal([]);
  });

  it("computes the right value", async function () {
    const exe = path.join(dir, "reform");
    const r = await ts386(["build", src, "-o", exe, "--target", "linux"]);
    expect(r.stderr).to.equal("");
    expect(spawnSync(exe, []).status).to.equal(expected());
  });
});
