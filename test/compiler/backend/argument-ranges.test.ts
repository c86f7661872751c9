// Interprocedural ranges: a function called only directly learns its parameters'
// ranges from every call, so heap sort's sift-down (`child < end` with `end <= COUNT`
// at every call) keeps no bounds check; one call passing 2 * COUNT keeps them.

import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { tmpDir, ts386 } from "../../tools.js";

const program = (lastEnd: string): string => `
const COUNT = 100;
const heap = new StaticArray<u32>(COUNT);

function siftDown(start: i32, end: i32): void {
  let root = start;
  while (2 * root + 1 < end) {
    let child = 2 * root + 1;
    if (child + 1 < end && heap[child] < heap[child + 1]) child++;
    if (heap[root] >= heap[child]) return;
    const swap = heap[root];
    heap[root] = heap[child];
    heap[child] = swap;
    root = child;
  }
}

export function main(): i32 {
  let seed: u32 = 5;
  for (let i = 0; i < COUNT; i++) {
    seed = seed * 1664525 + 1013904223;
    heap[i] = seed >>> 8;
  }
  for (let start = COUNT / 2 - 1; start >= 0; start--) siftDown(start, COUNT);
  for (let end = COUNT - 1; end > 0; end--) {
    const top = heap[0];
    heap[0] = heap[end];
    heap[end] = top;
    siftDown(0, end);
  }
  siftDown(0, ${lastEnd});
  for (let i = 1; i < COUNT; i++) if (heap[i - 1] > heap[i]) return 1;
  return 0;
}
`;

describe("interprocedural argument ranges", function () {
  const dir = tmpDir("ts386-argranges-");

  async function build(name: string, lastEnd: string): Promise<{ ir: string; status: number | null }> {
    const src = path.join(dir, `${name}.ts`);
    fs.writeFileSync(src, program(lastEnd));
    const ir = path.join(dir, `${name}.ir`);
    const c = await ts386(["compile", src, "-o", path.join(dir, `${name}.o`), "--target", "linux", "--emit-ir", ir]);
    expect(c.stderr).to.equal("");
    const exe = path.join(dir, name);
    const r = await ts386(["build", src, "-o", exe, "--target", "linux"]);
    expect(r.stderr).to.equal("");
    const text = fs.readFileSync(ir, "utf8");
    const at = text.indexOf("function siftDown");
    return { ir: text.slice(at, text.indexOf("\n\n", at)), status: spawnSync(exe, []).status };
  }

  it("drops sift-down's checks when every call passes end <= COUNT", async function () {
    const { ir, status } = await build("proven", "1");
    expect(ir).to.match(/^function siftDown/);
    expect(ir).to.not.match(/__ts386_bounds_fail|if\.ult %\d+, 100/);
    expect(status).to.equal(0);
  });

  it("keeps them when one call passes 2 * COUNT (and that call fails)", async function () {
    const { ir, status } = await build("unproven", "COUNT * 2");
    expect(ir).to.match(/__ts386_bounds_fail/);
    expect(status).to.equal(134);
  });
});
