// Rotates: `(x << k) | (x >>> (32 - k))`, also with + or ^ for a constant k (the bits do
// not overlap), is `rol x, k`; with a variable count only `|` (for k = 0 mod 32, + and ^
// would give 2x and 0, the rotate x). `(x << 5) + (x >>> 26)` is no rotate.

import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { tmpDir, ts386 } from "../../tools.js";

const PROGRAM = `
let g: u32 = 0x12345678;
let n: u32 = 13;
export function rot5(h: u32): u32 { return (h << 5) + (h >>> 27); }
export function rotx(h: u32): u32 { return (h << 7) ^ (h >>> 25); }
export function rotv(h: u32, k: u32): u32 { return (h << k) | (h >>> (32 - k)); }
export function addv(h: u32, k: u32): u32 { return (h << k) + (h >>> (32 - k)); }
export function notrot(h: u32): u32 { return (h << 5) + (h >>> 26); }
export function rotself(h: u32, k: u32): u32 { k = (k << h) | (k >>> (32 - h)); return k; }
export function main(): i32 {
  let x: u32 = rot5(g) ^ rotx(g + 1) ^ rotv(g, n) ^ rotv(g, n - 13) ^ rotv(g, n + 19) ^ notrot(g) ^ rotself(n, g);
  x = x * 3 + addv(g, n - 13) + addv(g, n);
  return i32(x & 255);
}
`;

function expected(): number {
  const rol = (h: number, k: number): number => ((h << (k & 31)) | (h >>> ((32 - k) & 31))) >>> 0;
  const g = 0x12345678;
  const notrot = (((g << 5) >>> 0) + (g >>> 26)) >>> 0;
  const addv = (h: number, k: number): number => (((h << (k & 31)) >>> 0) + (h >>> ((32 - k) & 31))) >>> 0;
  let x = (rol(g, 5) ^ rol(g + 1, 7) ^ rol(g, 13) ^ rol(g, 0) ^ rol(g, 32) ^ notrot ^ rol(g, 13)) >>> 0;
  x = (Math.imul(x, 3) + addv(g, 0) + addv(g, 13)) >>> 0;
  return x & 255;
}

describe("rotates (isel)", function () {
  const dir = tmpDir("ts386-rotate-");
  const src = path.join(dir, "rotate.ts");
  fs.writeFileSync(src, PROGRAM);

  const body = (text: string, fn: string): string[] => {
    const start = text.indexOf(`\n${fn}:`);
    const end = text.indexOf("\nglobal ", start + 1);
    return text.slice(start, end).split("\n").filter((l) => /^\s+\w/.test(l)).map((l) => l.trim().split(/\s*;/)[0]!);
  };

  it("selects rol", async function () {
    const asm = path.join(dir, "rotate.asm");
    const r = await ts386(["compile", src, "-o", path.join(dir, "rotate.o"), "--target", "linux", "--emit-asm", asm]);
    expect(r.stderr).to.equal("");
    const text = fs.readFileSync(asm, "utf8");
    expect(body(text, "rot5")).to.include("rol eax, 5");
    expect(body(text, "rotx")).to.include("rol eax, 7");
    expect(body(text, "rotv").some((l) => /^rol e\w\w, cl$/.test(l))).to.equal(true);
    expect(body(text, "rotself").some((l) => /^rol e\w\w, cl$/.test(l))).to.equal(true);
    expect(body(text, "addv").some((l) => l.startsWith("rol"))).to.equal(false);
    expect(body(text, "notrot").some((l) => l.startsWith("rol"))).to.equal(false);
  });

  it("computes the right values", async function () {
    const exe = path.join(dir, "rotate");
    const r = await ts386(["build", src, "-o", exe, "--target", "linux"]);
    expect(r.stderr).to.equal("");
    expect(spawnSync(exe, []).status).to.equal(expected());
  });
});
