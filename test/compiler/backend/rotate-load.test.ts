// Loop rotation copies a header that compares against a load (`i < s.length`) to the
// latch: each iteration still performs the load once, as written, but ends in one
// `cmp reg, [mem]; jl` instead of a `jmp` back to the test.

import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { tmpDir, ts386 } from "../../tools.js";

const PROGRAM = `
export function fnv1a(s: string): u32 {
  let hash: u32 = 2166136261;
  for (let i = 0; i < s.length; i++) hash = (hash ^ s.charCodeAt(i)) * 16777619;
  return hash;
}

export function main(): i32 {
  return i32((fnv1a("rotate") ^ fnv1a("") ^ fnv1a("a")) & 255);
}
`;

function fnv1a(s: string): number {
  let hash = 2166136261;
  for (let i = 0; i < s.length; i++) hash = Math.imul(hash ^ s.charCodeAt(i), 16777619) >>> 0;
  return hash;
}

describe("loop rotation over a load (simplify-cfg)", function () {
  const dir = tmpDir("ts386-rotate-");
  const src = path.join(dir, "rotate.ts");
  fs.writeFileSync(src, PROGRAM);

  it("tests the length at the bottom of the loop, with no jump back", async function () {
    const asm = path.join(dir, "rotate.asm");
    const r = await ts386(["compile", src, "-o", path.join(dir, "rotate.o"), "--target", "linux", "--emit-asm", asm]);
    expect(r.stderr).to.equal("");
    const text = fs.readFileSync(asm, "utf8");
    const fn = text.slice(text.indexOf("\nfnv1a:"), text.indexOf("\nglobal main"));
    expect(fn).to.match(/cmp e\w\w, dword \[e\w\w\+\(-4\)\]\s*(;.*)?\n\s*jl fnv1a\.L\d+/);
    expect(fn).not.to.match(/\bjmp\b/);
  });

  it("hashes the same", async function () {
    const exe = path.join(dir, "rotate");
    const r = await ts386(["build", src, "-o", exe, "--target", "linux"]);
    expect(r.stderr).to.equal("");
    expect(spawnSync(exe, []).status).to.equal((fnv1a("rotate") ^ fnv1a("") ^ fnv1a("a")) & 255);
  });
});
