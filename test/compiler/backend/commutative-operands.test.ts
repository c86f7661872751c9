// Commutative operations (three-address.ts): `crc = table[..] ^ (crc >>> 8)` takes the
// operand order that needs no copy: `shr eax, 8; xor eax, edx`, and `crc ^ data[i]`
// XORs into the loaded byte's register (it dies there) instead of copying crc first.

import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { tmpDir, ts386 } from "../../tools.js";

const PROGRAM = `
const table = new StaticArray<u32>(256);
const data = new StaticArray<u8>(64);

function crc32(length: i32): u32 {
  let crc: u32 = 0xFFFFFFFF;
  for (let i = 0; i < length; i++) {
    crc = table[(crc ^ data[i]) & 0xFF] ^ (crc >>> 8);
  }
  return ~crc;
}

let sink: i32 = 0;

function mix(a: i32, b: i32, c: i32): i32 {
  const x = a * b;
  sink = a;
  return (c + x) & (x | b);
}

export function main(): i32 {
  for (let n = 0; n < 256; n++) {
    let c: u32 = u32(n);
    for (let k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  for (let i = 0; i < 64; i++) data[i] = u8(i * 7 + 3);
  return i32((crc32(64) ^ u32(mix(sink + 3, 5, 7))) & 255);
}
`;

function expected(): number {
  const table: number[] = [];
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (0xedb88320 ^ (c >>> 1)) >>> 0 : c >>> 1;
    table.push(c);
  }
  let crc = 0xffffffff;
  for (let i = 0; i < 64; i++) crc = (table[(crc ^ ((i * 7 + 3) & 255)) & 255]! ^ (crc >>> 8)) >>> 0;
  crc = ~crc >>> 0;
  const x = 3 * 5;
  const mix = (7 + x) & (x | 5);
  return ((crc ^ mix) >>> 0) & 255;
}

describe("commutative operand order (three-address.ts)", function () {
  const dir = tmpDir("ts386-commute-");
  const src = path.join(dir, "commute.ts");
  fs.writeFileSync(src, PROGRAM);

  it("needs no copy in crc32's loop", async function () {
    const asm = path.join(dir, "commute.asm");
    const r = await ts386(["compile", src, "-o", path.join(dir, "commute.o"), "--target", "linux", "--emit-asm", asm]);
    expect(r.stderr).to.equal("");
    const text = fs.readFileSync(asm, "utf8");
    const body = text.slice(text.indexOf("\ncrc32:"), text.indexOf("\ncrc32.L1:"));
    const loop = body.slice(body.indexOf("crc32.L2:")).split("\n").filter((l) => /^\s+\w/.test(l)).map((l) => l.trim().split(/\s*;/)[0]);
    expect(loop.filter((l) => /^mov e\w\w, e\w\w$/.test(l!)), loop.join("\n")).to.deep.equal([]);
    // movzx, xor, and, mov, shr, xor and the count-to-zero latch `add; jne` (no cmp).
    expect(loop.length, loop.join("\n")).to.equal(8);
  });

  it("computes the right values", async function () {
    const exe = path.join(dir, "commute");
    const r = await ts386(["build", src, "-o", exe, "--target", "linux"]);
    expect(r.stderr).to.equal("");
    expect(spawnSync(exe, []).status).to.equal(expected());
  });
});
