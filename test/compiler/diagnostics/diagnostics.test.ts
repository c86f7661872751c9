// Every rejected construct and every typing error has a diagnostic at the
// construct, with the message that says what to write instead, and never an
// internal error. Sources are compiled from memory (no files written).

import { expect } from "chai";
import * as path from "node:path";
import { DiagnosticError, formatDiagnostic } from "../../../common/diagnostics.js";
import { lowerProgramWith } from "../../../compiler/frontend/index.js";
import { messages } from "../../../compiler/frontend/reject.js";
import { repoRoot } from "../../tools.js";
import type { DiagnosticCase } from "./cases.js";
import { loweringErrors, rejectedConstructs, typeScriptErrors } from "./cases.js";

const virtualDir = path.join(repoRoot, "test", "compiler", "diagnostics", "virtual");

/** Where `@@` sits (1-based line and column), and the source without it. */
function locate(marked: string): { source: string; line: number; column: number } {
  const at = marked.indexOf("@@");
  if (at < 0) throw new Error("case without an @@ marker");
  const before = marked.slice(0, at).split("\n");
  return { source: marked.slice(0, at) + marked.slice(at + 2), line: before.length, column: before[before.length - 1]!.length + 1 };
}

function compileCase(c: DiagnosticCase, index: number): { error: DiagnosticError; file: string; line: number; column: number } {
  const { source, line, column } = locate(c.source);
  const file = path.join(virtualDir, `case_${index}.ts`);
  const defines = new Map(Object.entries(c.defines ?? {}));
  try {
    lowerProgramWith(file, { target: c.target ?? "kernel", defines }, new Map([[file, source]]));
  } catch (e) {
    if (e instanceof DiagnosticError) return { error: e, file, line, column };
    throw e;
  }
  throw new Error(`${c.name}: compiled without a diagnostic`);
}

function check(cases: DiagnosticCase[], offset: number): void {
  cases.forEach((c, i) => {
    it(c.name, () => {
      const { error, file, line, column } = compileCase(c, offset + i);
      const d = error.diagnostics.find((x) => x.code === c.code) ?? error.diagnostics[0]!;
      expect(d.code, error.message).to.equal(c.code);
      if (typeof c.message === "string") expect(d.message).to.equal(c.message);
      else expect(d.message).to.match(c.message);
      expect(d.location, formatDiagnostic(d)).to.deep.equal({ file: path.relative(process.cwd(), file), line, column });
    });
  });
}

describe("front-end diagnostics", () => {
  describe("rejected constructs (TS3861001, with the alternative)", () => check(rejectedConstructs, 0));
  describe("typing, constants, declarations, defines, entry", () => check(loweringErrors, 1000));
  describe("TypeScript's own errors come first", () => check(typeScriptErrors, 2000));

  it("has a case for every message of the subset check", () => {
    const tested = new Set(rejectedConstructs.map((c) => c.message));
    const untested = Object.entries(messages).filter(([, m]) => !tested.has(m)).map(([k]) => k);
    expect(untested).to.deep.equal([]);
  });

  it("prints in tsc's format: file(line,col): error TSnnnn: message", () => {
    const { error, file } = compileCase({ name: "format", source: "let b: u8 = @@300;\n", code: "TS3861003", message: "" }, 3000);
    expect(formatDiagnostic(error.diagnostics[0]!)).to.equal(`${path.relative(process.cwd(), file)}(1,13): error TS3861003: 300 does not fit u8 (range 0..255); write u8(300) to wrap it`);
  });

  it("reports every rejected construct of a program, not only the first", () => {
    const { error } = compileCase({ name: "many", source: "const a = @@(x: i32): i32 => x;\nconst o = { b: 1 };\nvar v = 1;\n", code: "", message: "" }, 3001);
    expect(error.diagnostics.map((d) => d.location!.line)).to.deep.equal([1, 2, 3]);
  });

  it("reports problems in several functions at once", () => {
    const source = "function g(a: i32): u8 {\n  return @@a;\n}\nfunction h(a: u32): u16 {\n  return a;\n}\n";
    const { error } = compileCase({ name: "two", source, code: "", message: "" }, 3002);
    expect(error.diagnostics.map((d) => d.location!.line)).to.deep.equal([2, 5]);
  });
});
