// Narrow stores: `u8(x + 1)` stored into a byte needs no truncation first (the store
// writes the low byte either way); the stores themselves stay as written.

import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { tmpDir, ts386 } from "../../tools.js";

const PROGRAM = `
const bytes = new StaticArray<u8>(8);
const halves = new StaticArray<i16>(8);

function bump(i: i32, by: i32): void {
  bytes[i] = u8(i32(bytes[i]) + by);
  halves[i] = i16(i32(halves[i]) - by * 1000);
}

export function main(): i32 {
  for (let r = 0; r < 300; r++) bump(r & 7, r);
  let sum: i32 = 0;
  for (let i = 0; i < 8; i++) sum = sum * 7 + i32(bytes[i]) + i32(halves[i]);
  return sum & 255;
}
`;

function expected(): number {
  const bytes = new Uint8Array(8);
  const halves = new Int16Array(8);
  for (let r = 0; r < 300; r++) {
    bytes[r & 7] = bytes[r & 7]! + r;
    halves[r & 7] = halves[r & 7]! - r * 1000;
  }
  let sum = 0;
  for (let i = 0; i < 8; i++) sum = (Math.imul(sum, 7) + bytes[i]! + halves[i]!) | 0;
  return sum & 255;
}

describe("narrow stores without truncation", function () {
  const dir = tmpDir("ts386-narrow-store-");
  const src = path.join(dir, "narrow.ts");
  fs.writeFileSync(src, PROGRAM);

  it("stores the untruncated value (no extend before store.8 / store.16)", async function () {
    const ir = path.join(dir, "narrow.ir");
    const asm = path.join(dir, "narrow.asm");
    const r = await ts386(["compile", src, "-o", path.join(dir, "narrow.o"), "--target", "linux", "--emit-ir", ir, "--emit-asm", asm]);
    expect(r.stderr).to.equal("");
    const text = fs.readFileSync(ir, "utf8");
    expect(text).to.match(/store\.8 /);
    expect(text).to.match(/store\.16 /);
    expect(text).to.not.match(/extend\.(u8|s16)/);
    expect(fs.readFileSync(asm, "utf8")).to.not.match(/movzx (e\w\w), [abcd]l\n/);
  });

  it("stores the right low bytes", async function () {
    const exe = path.join(dir, "narrow");
    const r = await ts386(["build", src, "-o", exe, "--target", "linux"]);
    expect(r.stderr).to.equal("");
    expect(spawnSync(exe, []).status).to.equal(expected());
  });
});
