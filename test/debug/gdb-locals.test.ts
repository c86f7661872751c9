// Parameters and locals under gdb (-g), natively: a Linux program built by ts386, a
// conditional breakpoint in a loop, and the values gdb reads through the location lists
// and base types (signed and unsigned, narrow and 32-bit). Two calls with different
// arguments keep the optimiser from specialising the function on constant ones.

import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { requireTool, tmpDir, ts386 } from "../tools.js";

const PROGRAM = `function accumulate(n: i32, step: u8): i32 {
  let acc: i32 = 0;
  let low: i16 = -5;
  for (let i: i32 = 0; i < n; i++) {
    acc = acc + i * i32(step);
    low = i16(low - 1);
  }
  return acc + i32(low);
}

export function main(): i32 {
  const a = accumulate(10, 3);
  const b = accumulate(4, 200);
  return a - b;
}
`;

describe("gdb reads parameters and locals (-g, Linux program)", function () {
  it("shows arguments, loop variables and narrow signed values at a conditional breakpoint, and the returned value", async function () {
    requireTool(this, "gdb");
    const dir = tmpDir();
    const src = path.join(dir, "locals.ts");
    fs.writeFileSync(src, PROGRAM);
    const exe = path.join(dir, "locals");
    const r = await ts386(["build", src, "--target", "linux", "-g", "-o", exe]);
    expect(r.status, r.stderr).to.equal(0);
    const line = PROGRAM.split("\n").findIndex((l) => l.includes("acc = acc + i * i32(step);")) + 1;
    const gdb = spawnSync("gdb", ["-batch", "-nx", exe,
      "-ex", `break ${src}:${line} if i == 3`,
      "-ex", "run",
      "-ex", "info args",
      "-ex", "info locals",
      "-ex", "delete",
      "-ex", "finish",
      "-ex", "ptype accumulate",
      "-ex", "kill"], { encoding: "utf8", timeout: 60_000 });
    const out = gdb.stdout;
    expect(gdb.status, `${out}\n${gdb.stderr}`).to.equal(0);
    // At i == 3: acc = 0 + 3 + 6, low = -5 - 3 (an i16, shown signed).
    // A u8 is a one-byte unsigned type, which gdb (speaking C) also shows as a character.
    expect(out).to.match(/\nn = 10\nstep = 3 '\\003'\n/);
    expect(out).to.match(/\nacc = 9\nlow = -8\ni = 3\n/);
    // The result type: finish shows the returned value (3 * 45 - 15), ptype the signature.
    expect(out).to.match(/\nValue returned is \$1 = 120\n/);
    expect(out).to.contain("type = i32 (i32, u8)");
  });
});
