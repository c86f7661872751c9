// Byte stores and register pressure: a byte moved through al/cl/dl/bl while those
// hold other values must not spill a value that esi/edi/ebp could hold; the stored
// temp is used directly (no copy into a byte register) when it lives only until the store.

import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { tmpDir, ts386 } from "../../tools.js";

const PROGRAM = `
const buffer = new StaticArray<u8>(64);

function moveBytes(dst: usize, src: usize, count: usize): void {
  if (dst < src) {
    for (let i: usize = 0; i < count; i++) store<u8>(dst + i, load<u8>(src + i));
  } else {
    let i: usize = count;
    while (i > 0) {
      i--;
      store<u8>(dst + i, load<u8>(src + i));
    }
  }
}

export function main(): i32 {
  for (let i = 0; i < 64; i++) buffer[i] = u8(i * 3);
  const base = addressOf(buffer);
  moveBytes(base + 3, base, 40);
  moveBytes(base, base + 5, 50);
  let sum: i32 = 0;
  for (let i = 0; i < 64; i++) sum = sum * 3 + i32(buffer[i]);
  return sum & 255;
}
`;

function expected(): number {
  const b = Array.from({ length: 64 }, (_, i) => (i * 3) & 255);
  b.copyWithin(3, 0, 40);
  b.copyWithin(0, 5, 55);
  let sum = 0;
  for (const x of b) sum = (sum * 3 + x) | 0;
  return sum & 255;
}

describe("byte stores under register pressure", function () {
  const dir = tmpDir("ts386-bytes-");
  const src = path.join(dir, "bytes.ts");
  fs.writeFileSync(src, PROGRAM);

  it("moves bytes without spilling or copying through another register", async function () {
    const asm = path.join(dir, "bytes.asm");
    const r = await ts386(["compile", src, "-o", path.join(dir, "bytes.o"), "--target", "linux", "--emit-asm", asm]);
    expect(r.stderr).to.equal("");
    const text = fs.readFileSync(asm, "utf8");
    const start = text.indexOf("\nmoveBytes:");
    const body = text.slice(start, text.indexOf("\nmain:", start));
    expect(body).to.not.match(/\[esp/); // no spill slot
    // each byte: movzx into a byte register, stored from its low byte
    expect(body.match(/movzx (e[abcd]x), byte \[[^\]]+\][^\n]*\n +mov byte \[[^\]]+\], [abcd]l/g)).to.have.length(2);
  });

  it("moves the right bytes (both directions)", async function () {
    const exe = path.join(dir, "bytes");
    const r = await ts386(["build", src, "-o", exe, "--target", "linux"]);
    expect(r.stderr).to.equal("");
    expect(spawnSync(exe, []).status).to.equal(expected());
  });
});
