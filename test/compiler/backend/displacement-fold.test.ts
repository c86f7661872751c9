// Addressing: `array[i + k]` folds k * size into the displacement
// (`[eax*2+(screen + 160)]`) instead of computing i + k in a register first.

import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { tmpDir, ts386 } from "../../tools.js";

const PROGRAM = `
const screen = new StaticArray<u16>(200);
const words = new StaticArray<i32>(16);

function scroll(): void {
  for (let i = 0; i < 160; i++) screen[i] = screen[i + 40];
}

function shiftUp(): void {
  for (let i = 0; i < 14; i++) words[i] = words[i + 2] + 1;
}

export function main(): i32 {
  for (let i = 0; i < 200; i++) screen[i] = u16(i * 3);
  for (let i = 0; i < 16; i++) words[i] = i * 7;
  scroll();
  shiftUp();
  let sum: i32 = 0;
  for (let i = 0; i < 200; i++) sum = sum * 3 + i32(screen[i]);
  for (let i = 0; i < 16; i++) sum = sum * 5 + words[i];
  return sum & 255;
}
`;

function expected(): number {
  const screen = Array.from({ length: 200 }, (_, i) => (i * 3) & 0xffff);
  const words = Array.from({ length: 16 }, (_, i) => i * 7);
  for (let i = 0; i < 160; i++) screen[i] = screen[i + 40]!;
  for (let i = 0; i < 14; i++) words[i] = words[i + 2]! + 1;
  let sum = 0;
  for (const x of screen) sum = (sum * 3 + x) | 0;
  for (const x of words) sum = (Math.imul(sum, 5) + x) | 0;
  return sum & 255;
}

describe("displacement folding (isel)", function () {
  const dir = tmpDir("ts386-disp-");
  const src = path.join(dir, "disp.ts");
  fs.writeFileSync(src, PROGRAM);

  it("folds the index's constant into the displacement", async function () {
    const asm = path.join(dir, "disp.asm");
    const r = await ts386(["compile", src, "-o", path.join(dir, "disp.o"), "--target", "linux", "--emit-asm", asm]);
    expect(r.stderr).to.equal("");
    const text = fs.readFileSync(asm, "utf8");
    // (count-to-zero runs i from -160 and -14 up to 0: the bounds join the displacement too)
    expect(text).to.match(/word \[e\w\w\*2\+\(screen \+ 400\)\]/);
    expect(text).to.match(/dword \[e\w\w\*4\+\(words \+ 64\)\]/);
  });

  it("reads the right elements", async function () {
    const exe = path.join(dir, "disp");
    const r = await ts386(["build", src, "-o", exe, "--target", "linux"]);
    expect(r.stderr).to.equal("");
    expect(spawnSync(exe, []).status).to.equal(expected());
  });
});
