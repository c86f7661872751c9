// A narrow load compared with a constant of its type at the end of a block is one
// `cmp word/byte [m], imm` (isel): zero-extended loads take the unsigned order for signed
// comparisons (the value is never negative), sign-extended ones keep theirs.

import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { tmpDir, ts386 } from "../../tools.js";

const PROGRAM = `
const h = new StaticArray<u16>(8);
const b = new StaticArray<i8>(8);
const u = new StaticArray<u8>(8);

export function f(i: i32): i32 {
  let r = 0;
  if (h[i & 7] > 0) r += 1;
  if (h[(i + 1) & 7] >= 300) r += 2;
  if (b[i & 7] < -5) r += 4;
  if (u[i & 7] <= 200) r += 8;
  if (b[(i + 2) & 7] > 100) r += 16;
  return r;
}

export function main(): i32 {
  for (let i = 0; i < 8; i++) {
    h[i] = u16(i * 9000);
    b[i] = i8(i * 37 - 120);
    u[i] = u8(i * 40 + 3);
  }
  let s = 0;
  for (let i = 0; i < 8; i++) s = s * 3 + f(i);
  return s & 255;
}
`;

function expected(): number {
  const h = new Uint16Array(8), b = new Int8Array(8), u = new Uint8Array(8);
  for (let i = 0; i < 8; i++) [h[i], b[i], u[i]] = [i * 9000, i * 37 - 120, i * 40 + 3];
  const f = (i: number): number =>
    (h[i & 7]! > 0 ? 1 : 0) + (h[(i + 1) & 7]! >= 300 ? 2 : 0) + (b[i & 7]! < -5 ? 4 : 0) +
    (u[i & 7]! <= 200 ? 8 : 0) + (b[(i + 2) & 7]! > 100 ? 16 : 0);
  let s = 0;
  for (let i = 0; i < 8; i++) s = (s * 3 + f(i)) | 0;
  return s & 255;
}

describe("narrow loads compared in memory (isel)", function () {
  const dir = tmpDir("ts386-narrowcmp-");
  const src = path.join(dir, "narrowcmp.ts");
  fs.writeFileSync(src, PROGRAM);

  it("compares at the load's width", async function () {
    const asm = path.join(dir, "narrowcmp.asm");
    const r = await ts386(["compile", src, "-o", path.join(dir, "narrowcmp.o"), "--target", "linux", "--emit-asm", asm]);
    expect(r.stderr).to.equal("");
    const text = fs.readFileSync(asm, "utf8");
    const f = text.slice(text.indexOf("\nf:"), text.indexOf("\nglobal main"));
    const lines = f.split("\n").filter((l) => /^\s+\w/.test(l)).map((l) => l.trim().split(/\s*;/)[0]!);
    const pairs = lines.flatMap((l, k) => (l.startsWith("cmp ") ? [`${l} / ${lines[k + 1]!.split(" ")[0]}`] : []));
    const expectPair = (re: RegExp): void => void expect(pairs.some((p) => re.test(p)), `${re}\n${pairs.join("\n")}`).to.equal(true);
    // each jump goes to the skip path: the negated condition
    expectPair(/^cmp word \[e\w\w\*2\+h\], 0 \/ jbe$/);
    expectPair(/^cmp word \[e\w\w\*2\+h\], 300 \/ jb$/);
    expectPair(/^cmp byte \[e\w\w\+b\], -5 \/ jge$/);
    expectPair(/^cmp byte \[e\w\w\+u\], 200 \/ ja$/);
    expectPair(/^cmp byte \[e\w\w\+b\], 100 \/ jle$/);
    expect(lines.filter((l) => /^mov[sz]x/.test(l)), lines.join("\n")).to.deep.equal([]);
  });

  it("computes the right values", async function () {
    const exe = path.join(dir, "narrowcmp");
    const r = await ts386(["build", src, "-o", exe, "--target", "linux"]);
    expect(r.stderr).to.equal("");
    expect(spawnSync(exe, []).status).to.equal(expected());
  });
});
