// Self-recursion into a loop: `return f(a) op e` (op one of add mul and or xor)
// and tail calls `return f(a)` become a jump back to the start with the
// parameters reassigned and an accumulator; fib keeps one call where it had two.
// Each function's results are checked against the same recursion in JS, with
// arguments that reach the base cases and the wrap-around of 32-bit arithmetic.

import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { tmpDir, ts386 } from "../../tools.js";
import { WRITE_U32_SOURCE } from "./write-u32.js";

const PROGRAM = `
import { writeU32 } from "./out";

function fib(n: i32): i32 {
  if (n < 2) return n;
  return fib(n - 1) + fib(n - 2);
}

function power(b: u32, e: u32): u32 {
  if (e == 0) return 1;
  return b * power(b, e - 1);
}

function mix(n: u32, seed: u32): u32 {
  if (n == 0) return seed;
  const h = (seed ^ n) * 16777619;
  return mix(n - 1, h >>> 3) ^ h;
}

function gcd(a: u32, b: u32): u32 {
  if (b == 0) return a;
  return gcd(b, a % b);
}

function bits(n: u32): u32 {
  if (n == 0) return 0;
  if ((n & 1) != 0) return bits(n >>> 1) | (n << 8);
  return (n << 4) & bits(n >>> 1);
}

let visited: u32 = 0;
function visit(n: u32): void {
  if (n == 0) return;
  visited = visited * 3 + n;
  visit(n - 1);
}

function swap(a: i32, b: i32, k: i32): i32 {
  if (k <= 0) return a - b;
  return swap(b, a + 1, k - 1) + k;
}

export function main(): i32 {
  let r: u32 = 0;
  for (let n = 0; n < 25; n++) r = r * 31 + u32(fib(n));
  writeU32(r);
  r = 0;
  for (let e: u32 = 0; e < 40; e++) r = r * 7 + power(3, e) + power(e, 5);
  writeU32(r);
  r = 0;
  for (let n: u32 = 0; n < 30; n++) r += mix(n, n * 2654435761);
  writeU32(r);
  writeU32(gcd(1071, 462) + gcd(17, 5) * 100 + gcd(0, 9) * 10000);
  r = 0;
  for (let n: u32 = 0; n < 70; n++) r = r * 5 + bits(n * 40503);
  writeU32(r);
  visit(12);
  writeU32(visited);
  r = 0;
  for (let k = -1; k < 9; k++) r = r * 11 + u32(swap(k, 3 * k, k));
  writeU32(r);
  return 0;
}
`;

function expected(): string {
  const u = (x: number): number => x >>> 0;
  const fib = (n: number): number => (n < 2 ? n : (fib(n - 1) + fib(n - 2)) | 0);
  const power = (b: number, e: number): number => (e === 0 ? 1 : u(Math.imul(b, power(b, e - 1))));
  const mix = (n: number, seed: number): number => {
    if (n === 0) return seed;
    const h = u(Math.imul(u(seed ^ n), 16777619));
    return u(mix(n - 1, h >>> 3) ^ h);
  };
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const bits = (n: number): number => {
    if (n === 0) return 0;
    if ((n & 1) !== 0) return u(bits(n >>> 1) | (n << 8));
    return u((n << 4) & bits(n >>> 1));
  };
  const swap = (a: number, b: number, k: number): number => (k <= 0 ? (a - b) | 0 : (swap(b, a + 1, k - 1) + k) | 0);
  const lines: number[] = [];
  let r = 0;
  for (let n = 0; n < 25; n++) r = u(Math.imul(r, 31) + u(fib(n)));
  lines.push(r);
  r = 0;
  for (let e = 0; e < 40; e++) r = u(Math.imul(r, 7) + power(3, e) + power(e, 5));
  lines.push(r);
  r = 0;
  for (let n = 0; n < 30; n++) r = u(r + mix(n, u(Math.imul(n, 2654435761))));
  lines.push(r);
  lines.push(gcd(1071, 462) + gcd(17, 5) * 100 + gcd(0, 9) * 10000);
  r = 0;
  for (let n = 0; n < 70; n++) r = u(Math.imul(r, 5) + bits(u(Math.imul(n, 40503))));
  lines.push(r);
  let visited = 0;
  for (let n = 12; n > 0; n--) visited = u(Math.imul(visited, 3) + n);
  lines.push(visited);
  r = 0;
  for (let k = -1; k < 9; k++) r = u(Math.imul(r, 11) + u(swap(k, 3 * k, k)));
  lines.push(r);
  return lines.map((x) => `${x}\n`).join("");
}

describe("self-recursion into a loop", function () {
  const dir = tmpDir("ts386-recursion-");
  let ir = "";
  let stdout = "";

  before(async function () {
    fs.writeFileSync(path.join(dir, "out.ts"), WRITE_U32_SOURCE);
    const src = path.join(dir, "recursion.ts");
    fs.writeFileSync(src, PROGRAM);
    const irFile = path.join(dir, "recursion.ir");
    const c = await ts386(["compile", src, "-o", path.join(dir, "recursion.o"), "--target", "linux", "--emit-ir", irFile]);
    expect(c.stderr).to.equal("");
    ir = fs.readFileSync(irFile, "utf8");
    const exe = path.join(dir, "recursion");
    const r = await ts386(["build", src, "-o", exe, "--target", "linux"]);
    expect(r.stderr).to.equal("");
    const run = spawnSync(exe, [], { encoding: "utf8" });
    expect(run.status).to.equal(0);
    stdout = run.stdout;
  });

  // A function that became a loop may be inlined everywhere and gone: then no body, no call.
  const body = (name: string): string => {
    const at = ir.indexOf(`function ${name} `);
    return at < 0 ? "" : ir.slice(at, ir.indexOf("\n\n", at));
  };
  const selfCalls = (name: string): number => body(name).split(`call internal $${name}(`).length - 1;

  it("keeps one of fib's two recursive calls", function () {
    expect(selfCalls("fib")).to.equal(1);
  });

  it("turns accumulated and tail calls into loops", function () {
    for (const name of ["power", "mix", "gcd", "visit", "swap"]) expect(selfCalls(name), name).to.equal(0);
  });

  it("accumulates one operation per function: bits keeps the call it combines with &", function () {
    expect(selfCalls("bits")).to.equal(1);
  });

  it("computes what the recursion computes", function () {
    expect(stdout).to.equal(expected());
  });
});
