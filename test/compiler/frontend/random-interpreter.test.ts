// The random programs of test/compiler/random (generator and BigInt reference
// evaluator, written independently of the compiler) lowered by the front end
// and run by the IR interpreter: the front end's integer typing and the
// interpreter's semantics against the reference, without the back end.

import { expect } from "chai";
import * as path from "node:path";
import { lowerProgramWith } from "../../../compiler/frontend/index.js";
import { interpret } from "../../../compiler/ir-interpreter.js";
import { repoRoot } from "../../tools.js";
import { expectedOutput } from "../random/evaluate.js";
import { generateProgram } from "../random/generate.js";
import { toTypeScript } from "../random/to-typescript.js";

const SEEDS = 8;
const BASE_SEED = 5386;

describe("random programs through the front end and the IR interpreter", function () {
  this.timeout(30000); // TypeScript's checking of the generated casts dominates
  for (let i = 0; i < SEEDS; i++) {
    const seed = BASE_SEED * 1000 + i;
    const deep = i % 4 === 3;
    it(`seed ${seed}${deep ? " (deep expressions)" : ""}`, () => {
      const program = generateProgram(seed, deep ? 20 : 30, deep ? 6 : 3);
      const file = path.join(repoRoot, "test", "compiler", "frontend", "virtual", `random_${seed}.ts`);
      const module = lowerProgramWith(file, { target: "linux", defines: new Map() }, new Map([[file, toTypeScript(program)]]));
      const result = interpret(module);
      expect(result.status, `seed ${seed}`).to.equal(0);
      const actual = result.stdout.split("\n").slice(0, -1);
      const expected = expectedOutput(program);
      for (let k = 0; k < expected.length; k++) expect(actual[k], `seed ${seed}, line ${k + 1}`).to.equal(expected[k]);
      expect(actual.length).to.equal(expected.length);
    });
  }
});
