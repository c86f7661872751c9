// Random programs: generated, compiled by ts386 for --target linux, run natively,
// and their output compared line by line with the BigInt reference evaluator.
// CI runs a fixed-seed batch (20 executables x 100 functions = 2,000 generated
// functions, and 4 x 40 functions with deep expressions that make the register
// allocator spill); TS386_SOAK=N runs N more executables from a time-based seed.

import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { tmpDir, ts386 } from "../../tools.js";
import { expectedOutput } from "./evaluate.js";
import { generateProgram } from "./generate.js";
import { toTypeScript } from "./to-typescript.js";

const FUNCTIONS_PER_PROGRAM = 100;
const CI_PROGRAMS = 20;
const CI_SEED = 386;

async function check(seed: number, dir: string, depth = 3, functions = FUNCTIONS_PER_PROGRAM): Promise<void> {
  const program = generateProgram(seed, functions, depth);
  const src = path.join(dir, `random_${seed}.ts`);
  const exe = path.join(dir, `random_${seed}`);
  fs.writeFileSync(src, toTypeScript(program));
  const built = await ts386(["build", src, "-o", exe, "--target", "linux"]);
  expect(built.stderr, `ts386 build of ${src} (seed ${seed})`).to.equal("");
  expect(built.status).to.equal(0);
  const run = spawnSync(exe, [], { encoding: "latin1" });
  expect(run.status, `${exe} exit status (seed ${seed})`).to.equal(0);
  const actual = run.stdout.split("\n").slice(0, -1);
  const expected = expectedOutput(program);
  for (let i = 0; i < expected.length; i++) {
    expect(actual[i], `seed ${seed}: f${i}... (line ${i + 1}); source kept in ${src}`).to.equal(expected[i]);
  }
  expect(actual.length).to.equal(expected.length);
  fs.rmSync(exe);
}

describe("random programs against the BigInt reference evaluator", function () {
  const dir = tmpDir("ts386-random-");
  for (let i = 0; i < CI_PROGRAMS; i++) {
    const seed = CI_SEED * 1000 + i;
    it(`seed ${seed}: ${FUNCTIONS_PER_PROGRAM} functions`, async function () {
      await check(seed, dir);
    });
  }
  // Deep expressions: many values live at once, so the register allocator spills.
  for (let i = 0; i < 4; i++) {
    const seed = CI_SEED * 1000 + 500 + i;
    it(`seed ${seed}: 40 functions with deep expressions`, async function () {
      await check(seed, dir, 6, 40);
    });
  }
  const soak = Number(process.env["TS386_SOAK"] ?? 0);
  if (soak > 0) {
    const base = Date.now() % 1_000_000_000;
    for (let i = 0; i < soak; i++) {
      it(`soak seed ${base + i}`, async function () {
        await check(base + i, dir, i % 4 === 3 ? 6 : 3, i % 4 === 3 ? 40 : FUNCTIONS_PER_PROGRAM);
      });
    }
  }
});
