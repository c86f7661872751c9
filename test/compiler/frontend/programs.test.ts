// Every test program under test/programs/ (NAME.ts beside NAME.expected) is lowered
// by the front end and run by the IR interpreter; once the back end exists
// (`ts386 build --target linux`), each is also built natively and run. Both must
// print the expected stdout and end as expected.
//
// NAME.expected: the program's stdout, then a last line `exit: N` (exit status)
// or `exit: SIGNAME` (the signal that ended it). NAME.stderr, when present, is
// the expected stderr (bounds failures print their message there). A line
// `// ts386-define: NAME=VALUE` in the program passes --define NAME=VALUE.
// NAME.c, when present, is a C twin (with lib/print.h): built by
// i686-linux-gnu-gcc it must print NAME.expected too, an oracle independent of ts386.

import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { lowerProgram } from "../../../compiler/frontend/index.js";
import { interpret } from "../../../compiler/ir-interpreter.js";
import { DiagnosticError } from "../../../common/diagnostics.js";
import { repoRoot, requireTool, run, tmpDir, ts386 } from "../../tools.js";
import { listPrograms, programDefines, programsDir } from "./programs.js";

interface Expected {
  stdout: string;
  end: string;
  stderr?: string;
}

function readExpected(program: string): Expected {
  const base = path.join(programsDir, program.replace(/\.ts$/, ""));
  const text = fs.readFileSync(base + ".expected", "latin1");
  const m = /(^|\n)exit: (\S+)\n?$/.exec(text);
  if (!m) throw new Error(`${program}: .expected must end with an 'exit: N' line`);
  const stderrFile = base + ".stderr";
  return {
    stdout: text.slice(0, m.index + m[1]!.length),
    end: m[2]!,
    stderr: fs.existsSync(stderrFile) ? fs.readFileSync(stderrFile, "latin1") : undefined,
  };
}

function lower(file: string) {
  try {
    return lowerProgram(file, { target: "linux", defines: programDefines(file) });
  } catch (e) {
    if (e instanceof DiagnosticError) throw new Error(e.message);
    throw e;
  }
}

describe("test programs", function () {
  const programs = listPrograms();
  const cwd = process.cwd();
  before(() => process.chdir(repoRoot));
  after(() => process.chdir(cwd));

  it("there are at least 150 of them", () => {
    expect(programs.length).to.be.at.least(150);
  });

  describe("through the IR interpreter", () => {
    for (const program of programs) {
      it(program, () => {
        const expected = readExpected(program);
        const result = interpret(lower(path.join("test", "programs", program)));
        expect(result.stdout).to.equal(expected.stdout);
        expect(result.status !== undefined ? String(result.status) : result.signal).to.equal(expected.end);
        if (expected.stderr !== undefined) expect(result.stderr).to.equal(expected.stderr);
      });
    }
  });

  describe("built natively (ts386 build --target linux)", function () {
    let dir = "";
    before(function () {
      dir = tmpDir("ts386-programs-");
    });
    for (const program of programs) {
      it(program, async () => {
        const expected = readExpected(program);
        const exe = path.join(dir, program.replace(/[\\/]/g, "_").replace(/\.ts$/, ""));
        const file = path.join("test", "programs", program);
        const defines = [...programDefines(file)].flatMap(([k, v]) => ["--define", `${k}=${v}`]);
        const built = await ts386(["build", file, "-o", exe, "--target", "linux", ...defines]);
        expect(built.status, built.stderr).to.equal(0);
        const run = spawnSync(exe, [], { encoding: "latin1", timeout: 20000 });
        expect(run.stdout).to.equal(expected.stdout);
        expect(run.status !== null ? String(run.status) : run.signal).to.equal(expected.end);
        if (expected.stderr !== undefined) expect(run.stderr).to.equal(expected.stderr);
      });
    }
  });

  describe("C twins built by gcc -m32 agree with .expected", function () {
    const twins = programs.filter((p) => fs.existsSync(path.join(programsDir, p.replace(/\.ts$/, ".c"))));
    let dir = "";
    before(function () {
      requireTool(this, "i686-linux-gnu-gcc");
      dir = tmpDir("ts386-twins-");
    });
    for (const program of twins) {
      it(program.replace(/\.ts$/, ".c"), () => {
        const expected = readExpected(program);
        const exe = path.join(dir, program.replace(/[\\/]/g, "_").replace(/\.ts$/, ""));
        run("i686-linux-gnu-gcc", ["-O1", "-static", "-fwrapv", "-w", "-I", programsDir, path.join(programsDir, program.replace(/\.ts$/, ".c")), "-o", exe]);
        const twin = spawnSync(exe, [], { encoding: "latin1", timeout: 20000 });
        expect(twin.stdout).to.equal(expected.stdout);
        expect(twin.status !== null ? String(twin.status) : twin.signal).to.equal(expected.end);
      });
    }
  });
});
