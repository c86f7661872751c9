// Range analysis narrowing: an inner loop's `j = i - 1` must not keep the outer
// counter's widened bound, so insertion sort's `values[j + 1]` needs no bounds check;
// an index that can reach the length (`j + 2`) keeps its check and fails at run time.

import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { tmpDir, ts386 } from "../../tools.js";

const program = (offset: number): string => `
const COUNT = 50;
const values = new StaticArray<u32>(COUNT);

function sort(): void {
  for (let i = 1; i < COUNT; i++) {
    const key = values[i];
    let j = i - 1;
    while (j >= 0 && values[j] > key) {
      values[j + ${offset}] = values[j];
      j--;
    }
    values[j + 1] = key;
  }
}

export function main(): i32 {
  // descending with a twist: every inner loop runs down to j = 0 at the end
  for (let i = 0; i < COUNT; i++) values[i] = u32(1000 - i * 7 + (i % 3) * 2);
  sort();
  for (let i = 1; i < COUNT; i++) if (values[i - 1] > values[i]) return 1;
  return 0;
}
`;

describe("range analysis narrowing", function () {
  const dir = tmpDir("ts386-narrow-");

  async function build(offset: number): Promise<{ ir: string; status: number | null }> {
    const src = path.join(dir, `sort${offset}.ts`);
    fs.writeFileSync(src, program(offset));
    const ir = path.join(dir, `sort${offset}.ir`);
    const c = await ts386(["compile", src, "-o", path.join(dir, `sort${offset}.o`), "--target", "linux", "--emit-ir", ir]);
    expect(c.stderr).to.equal("");
    const exe = path.join(dir, `sort${offset}`);
    const r = await ts386(["build", src, "-o", exe, "--target", "linux"]);
    expect(r.stderr).to.equal("");
    const text = fs.readFileSync(ir, "utf8");
    const sortFn = text.slice(text.indexOf("function sort"), text.indexOf("\n\n", text.indexOf("function sort")));
    return { ir: sortFn, status: spawnSync(exe, []).status };
  }

  it("proves j + 1 < COUNT inside and after the inner loop", async function () {
    const { ir, status } = await build(1);
    expect(ir).to.not.match(/__ts386_bounds_fail|if\.ult/);
    expect(status).to.equal(0);
  });

  it("keeps the check of j + 2, which can reach COUNT", async function () {
    const { ir, status } = await build(2);
    expect(ir).to.match(/if\.ult %\d+, 50/);
    expect(status).to.equal(134);
  });
});
