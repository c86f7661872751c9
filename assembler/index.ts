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
import { assembleStatements } from "./assemble.js";
import { parseLines } from "./parser.js";
import { preprocess, type PreprocessOptions } from "./preprocess.js";

export type AssembleTextOptions = PreprocessOptions;

export function assembleText(text: string, fileName: string, options: AssembleTextOptions = {}): ObjectFile {
  const lines = preprocess(text, fileName, options);
  const statements = parseLines(lines);
  // The source line of a location, for error excerpts: looked up only when there is an error.
  const sourceLine = (loc: { file: string; line: number }) =>
    lines.find((l) => l.origin.line === loc.line && l.origin.file === loc.file)?.origin.text;
  return assembleStatements(statements, fileName, { sourceLine });
}

export { assembleStatements } from "./assemble.js";
export { formatStatement, formatProgram, formatExpr, formatOperand } from "./format.js";
export { parseLines } from "./parser.js";
export { preprocess } from "./preprocess.js";
export type { PreprocessOptions } from "./preprocess.js";
export type * from "./statements.js";
