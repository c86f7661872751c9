// Tests decided along one incoming edge: a loop's rotated header re-checks the
// bounds of `flags[j]`; the latch has just tested `j < LIMIT` and `j` only grew
// from a checked (non-negative) value, so the latch jumps straight back into the
// body and the check runs once per loop entry. With a step that may be negative
// the check stays in the loop, and a run that steps below 0 fails it.

import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { tmpDir, ts386 } from "../../tools.js";

const program = (stepType: string, steps: string): string => `
const LIMIT = 4096;
const flags = new StaticArray<u8>(LIMIT);
const starts = new StaticArray<i32>(4);
const steps = new StaticArray<${stepType}>(4);

export function main(): i32 {
  starts[0] = 3; starts[1] = 100; starts[2] = 4000; starts[3] = 7;
  ${steps}
  for (let k = 0; k < 4; k++) {
    const step = steps[k];
    for (let j = starts[k]; j < LIMIT; j += i32(step)) flags[j] = 1;
  }
  let count = 0;
  for (let i = 0; i < LIMIT; i++) count += i32(flags[i]);
  return count & 255;
}
`;

// The loop header computes before it tests (`checksum * 31` scheduled above the check).
const WITH_WORK = `
const text = new StaticArray<u8>(32);
const firsts = new StaticArray<i32>(3);

export function main(): i32 {
  for (let i = 0; i < 32; i++) text[i] = u8(i * 7 + 1);
  firsts[0] = 0; firsts[1] = 20; firsts[2] = 31;
  let checksum: u32 = 0;
  for (let k = 0; k < 3; k++) {
    for (let i = firsts[k]; i < 32; i++) checksum = checksum * 31 + text[i];
  }
  return i32(checksum & 255);
}
`;

describe("tests decided along one incoming edge", function () {
  const dir = tmpDir("ts386-edges-");

  async function build(name: string, source: string): Promise<{ main: string; status: number | null }> {
    const src = path.join(dir, `${name}.ts`);
    fs.writeFileSync(src, source);
    const ir = path.join(dir, `${name}.ir`);
    const c = await ts386(["compile", src, "-o", path.join(dir, `${name}.o`), "--target", "linux", "--emit-ir", ir]);
    expect(c.stderr).to.equal("");
    const exe = path.join(dir, name);
    const r = await ts386(["build", src, "-o", exe, "--target", "linux"]);
    expect(r.stderr).to.equal("");
    const text = fs.readFileSync(ir, "utf8");
    return { main: text.slice(text.indexOf("function main")), status: spawnSync(exe, []).status };
  }

  // The loop body: one block that stores and loops to itself on `j < 4096`, no check between.
  const tightLoop = /@(\d+):\n(?:  (?!if)[^\n]*\n)*?  store\.8 \[%\d+\], 1\n(?:  (?!if)[^\n]*\n)*?  if\.lt %\d+, 4096 @\1 @\d+\n/;

  it("checks once per loop entry when the step is non-negative", async function () {
    const { main, status } = await build("proven", program("u8", "steps[0] = 5; steps[1] = 3; steps[2] = 255; steps[3] = 1;"));
    expect(main).to.match(tightLoop);
    const flags = new Uint8Array(4096);
    for (const [s, d] of [[3, 5], [100, 3], [4000, 255], [7, 1]]) for (let j = s!; j < 4096; j += d!) flags[j] = 1;
    expect(status).to.equal(flags.reduce((a, b) => a + b, 0) & 255);
  });

  it("copies the header's work for the latch when the header computes before its check", async function () {
    const { main, status } = await build("work", WITH_WORK);
    // The latch goes to a copy of the header's multiplication that jumps into the body, past the check.
    expect(main).to.match(/@\d+:\n  %\d+ = mul %\d+, 31\n  jump @\d+\n/);
    let checksum = 0;
    for (const first of [0, 20, 31]) for (let i = first; i < 32; i++) checksum = (Math.imul(checksum, 31) + ((i * 7 + 1) & 255)) >>> 0;
    expect(status).to.equal(checksum & 255);
  });

  it("keeps the check in the loop when the step may be negative, and fails it", async function () {
    const { main, status } = await build("unproven", program("i8", "steps[0] = 5; steps[1] = 3; steps[2] = -7; steps[3] = 1;"));
    expect(main).to.not.match(tightLoop);
    expect(status).to.equal(134);
  });
});
