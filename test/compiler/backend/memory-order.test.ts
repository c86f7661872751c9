// Every load happens as written (docs/language.md), also right after a store of the same
// register to the same address: the peephole pass drops such a reload only for spill slots.

import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { tmpDir, ts386 } from "../../tools.js";

const PROGRAM = `
const bitmap = new StaticArray<u32>(4);

export function main(): i32 {
  bitmap[3] = bitmap[3] | 16;
  return i32(bitmap[3]) + 1;
}
`;

describe("memory accesses as written (peephole)", function () {
  const dir = tmpDir("ts386-memorder-");
  const src = path.join(dir, "memorder.ts");
  fs.writeFileSync(src, PROGRAM);

  it("reloads an element just stored", async function () {
    const asm = path.join(dir, "memorder.asm");
    const r = await ts386(["compile", src, "-o", path.join(dir, "memorder.o"), "--target", "linux", "--emit-asm", asm]);
    expect(r.stderr).to.equal("");
    const lines = fs.readFileSync(asm, "utf8").split("\n").filter((l) => /^\s+\w/.test(l)).map((l) => l.trim().split(/\s*;/)[0]!);
    const main = lines.slice(lines.indexOf("main:") + 1);
    const accesses = main.filter((l) => l.includes("[bitmap + 12]"));
    // a store (or read-modify-write) and after it the load of the returned element
    expect(accesses.length, main.join("\n")).to.be.greaterThan(1);
    expect(accesses[accesses.length - 2], main.join("\n")).to.match(/^(mov|or) dword \[bitmap \+ 12\], /);
    expect(accesses[accesses.length - 1], main.join("\n")).to.match(/^mov e\w\w, dword \[bitmap \+ 12\]$/);
  });

  it("computes the right value", async function () {
    const exe = path.join(dir, "memorder");
    const r = await ts386(["build", src, "-o", exe, "--target", "linux"]);
    expect(r.stderr).to.equal("");
    expect(spawnSync(exe, []).status).to.equal(17);
  });
});
