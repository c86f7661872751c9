// The assembler's public API.
//
//   assembleText(text, fileName, options)   NASM source -> ObjectFile
//   assembleStatements(statements, fileName) instruction objects -> ObjectFile (the compiler's path)
//   formatStatement(st) / formatProgram(sts) instruction objects -> NASM text
//
// Errors in the input are thrown as DiagnosticError (file(line,col): error: ...).
// Pipeline: preprocess (text -> lines) -> parseLines (lines -> Statements) ->
// assembleStatements (passes, encoding, relocations) -> ObjectFile; elf/write-object.ts
// turns the ObjectFile into bytes.

import type { ObjectFile } from "../elf/types.js";
import { assembleRuns } from "./assemble.js";
import { RunBuilder } from "./byte-runs.js";
import { LineParser, LocationOrigins } from "./parser.js";
import { SettledLines } from "./settled-lines.js";
import { preprocessInto, type PreprocessOptions } from "./preprocess.js";

export type AssembleTextOptions = PreprocessOptions;

export function assembleText(text: string, fileName: string, options: AssembleTextOptions = {}): ObjectFile {
  const { runs, origins } = parseText(text, fileName, options);
  return assembleRuns(runs, fileName, { origin: (loc) => origins.get(loc) });
}

/** Preprocessed and parsed statements, with settled instructions in byte runs, and where each came from. */
function parseText(text: string, fileName: string, options: AssembleTextOptions): { runs: RunBuilder; origins: LocationOrigins } {
  const origins = new LocationOrigins();
  const runs = new RunBuilder();
  const parser = new LineParser(origins, (st) => runs.push(st));
  // Lines are parsed as the preprocessor produces them. As when preprocessing came
  // first: an error of the preprocessor anywhere wins over a parse error, and the
  // first parse error is the one reported.
  let parseError: { error: unknown } | undefined;
  const settled = new SettledLines();
  preprocessInto(text, fileName, options, (line) => {
    if (parseError) return;
    const seen = settled.get(line.text);
    if (seen) {
      const origin = line.origin;
      if (seen.bytes) {
        // Only the first instruction of a run needs its location.
        if (runs.extendRun(seen.bytes)) return;
        const loc = { file: origin.file, line: origin.line, column: seen.column };
        origins.add(loc, origin);
        runs.pushBytes(seen.bytes, loc);
      } else {
        const ins = seen.instruction!;
        const loc = { file: origin.file, line: origin.line, column: seen.column };
        origins.add(loc, origin);
        runs.push({ kind: "instruction", prefixes: ins.prefixes, mnemonic: ins.mnemonic, operands: ins.operands, loc });
      }
      return;
    }
    const pushed = runs.pushed;
    try {
      parser.parseLine(line);
    } catch (error) {
      parseError = { error };
      return;
    }
    // One statement, an instruction: remember it.
    const st = runs.last;
    if (runs.pushed !== pushed + 1 || st?.kind !== "instruction" || !st.loc) return;
    if (runs.lastSettled) settled.rememberBytes(line.text, runs.lastSettled, st.loc.column);
    else settled.rememberInstruction(line.text, st, st.loc.column);
  });
  if (parseError) throw parseError.error;
  return { runs, origins };
}

export { assembleStatements } from "./assemble.js";
export { formatStatement, formatProgram, formatExpr, formatOperand } from "./format.js";
export { parseLines } from "./parser.js";
export { preprocess } from "./preprocess.js";
export type { PreprocessOptions } from "./preprocess.js";
export type * from "./statements.js";
