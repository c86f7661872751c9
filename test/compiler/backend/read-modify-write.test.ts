// Read-modify-write instructions: `a[i] |= x`, `counter++`, `a[i] = ~a[i]` as one
// `or [m], r` / `add [m], 1` / `not [m]`: still exactly one read and one write of the
// element, in program order. Not when another access comes between the load and the store
// (`a[i] = a[i] + a[j]` loads a[i] first, then a[j]: an `add [a+i], r` would swap them).

import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { tmpDir, ts386 } from "../../tools.js";

const PROGRAM = `
const bitmap = new StaticArray<u32>(64);
const bytes = new StaticArray<u8>(64);
const halves = new StaticArray<i16>(64);
let counter: i32 = 0;

export function setbit(page: i32): void {
  bitmap[page >> 5] |= u32(1) << u32(page & 31);
}
export function clearbit(page: i32): void {
  bitmap[page >> 5] &= ~(u32(1) << u32(page & 31));
}
export function bump(i: i32, x: u8): void {
  bytes[i] += x;
  bytes[i + 1] -= 3;
  halves[i] ^= 0x155;
  counter++;
  bitmap[i] = ~bitmap[i];
  bitmap[i + 1] = -bitmap[i + 1];
  bitmap[i + 2] = 7 - bitmap[i + 2];
}
export function sum(i: i32, j: i32): void {
  bitmap[i & 63] = bitmap[i & 63] + bitmap[j & 63];
}
export function main(): i32 {
  for (let i = 0; i < 64; i++) { bitmap[i] = u32(i * 77); bytes[i] = u8(i * 5); halves[i] = i16(i * 1000); }
  setbit(37); setbit(100); clearbit(64 + 3 * 32); setbit(5);
  bump(3, 250); bump(4, 9);
  sum(10, 11); sum(12, 12);
  let h: u32 = u32(counter);
  for (let i = 0; i < 64; i++) h = h * 31 + bitmap[i] + u32(bytes[i]) * 7 + u32(i32(halves[i]));
  return i32(h & 255);
}
`;

function expected(): number {
  const bitmap = new Uint32Array(64);
  const bytes = new Uint8Array(64);
  const halves = new Int16Array(64);
  let counter = 0;
  for (let i = 0; i < 64; i++) [bitmap[i], bytes[i], halves[i]] = [i * 77, i * 5, i * 1000];
  const setbit = (p: number): void => void (bitmap[p >> 5]! |= 1 << (p & 31));
  const clearbit = (p: number): void => void (bitmap[p >> 5]! &= ~(1 << (p & 31)));
  const bump = (i: number, x: number): void => {
    bytes[i]! += x;
    bytes[i + 1]! -= 3;
    halves[i]! ^= 0x155;
    counter++;
    bitmap[i] = ~bitmap[i]!;
    bitmap[i + 1] = -bitmap[i + 1]!;
    bitmap[i + 2] = 7 - bitmap[i + 2]!;
  };
  const sum = (i: number, j: number): void => void (bitmap[i & 63] = bitmap[i & 63]! + bitmap[j & 63]!);
  setbit(37); setbit(100); clearbit(64 + 3 * 32); setbit(5);
  bump(3, 250); bump(4, 9);
  sum(10, 11); sum(12, 12);
  let h = counter >>> 0;
  for (let i = 0; i < 64; i++) h = (Math.imul(h, 31) + bitmap[i]! + bytes[i]! * 7 + (halves[i]! >>> 0)) >>> 0;
  return h & 255;
}

describe("read-modify-write instructions (isel)", function () {
  const dir = tmpDir("ts386-rmw-");
  const src = path.join(dir, "rmw.ts");
  fs.writeFileSync(src, PROGRAM);

  const body = (text: string, fn: string): string[] => {
    const start = text.indexOf(`\n${fn}:`);
    const end = text.indexOf("\nglobal ", start + 1);
    return text.slice(start, end).split("\n").filter((l) => /^\s+\w/.test(l)).map((l) => l.trim().split(/\s*;/)[0]!);
  };

  it("updates memory in one instruction where nothing comes between", async function () {
    const asm = path.join(dir, "rmw.asm");
    const r = await ts386(["compile", src, "-o", path.join(dir, "rmw.o"), "--target", "linux", "--emit-asm", asm]);
    expect(r.stderr).to.equal("");
    const text = fs.readFileSync(asm, "utf8");
    expect(body(text, "setbit").some((l) => /^or dword \[e\w\w\*4\+bitmap\], e\w\w$/.test(l)), body(text, "setbit").join("\n")).to.equal(true);
    expect(body(text, "clearbit").some((l) => /^and dword \[e\w\w\*4\+bitmap\], e\w\w$/.test(l))).to.equal(true);
    const bump = body(text, "bump");
    for (const re of [/^add byte \[e\w\w\+bytes\], [abcd]l$/, /^sub byte \[e\w\w\+bytes\], 3$/, /^xor word \[e\w\w\*2\+halves\], 341$/,
      /^add dword \[counter\], 1$/, /^not dword \[e\w\w\*4\+bitmap\]$/, /^neg dword \[e\w\w\*4\+bitmap\]$/]) {
      expect(bump.some((l) => re.test(l)), `${re}\n${bump.join("\n")}`).to.equal(true);
    }
    // 7 - x: no single instruction does it with one read and one write
    expect(bump.filter((l) => /^mov dword \[e\w\w\*4\+bitmap\], e\w\w$/.test(l)).length).to.equal(1);
    const sum = body(text, "sum");
    expect(sum.filter((l) => /^add dword \[/.test(l)), sum.join("\n")).to.deep.equal([]);
  });

  it("computes the right values", async function () {
    const exe = path.join(dir, "rmw");
    const r = await ts386(["build", src, "-o", exe, "--target", "linux"]);
    expect(r.stderr).to.equal("");
    expect(spawnSync(exe, []).status).to.equal(expected());
  });
});
