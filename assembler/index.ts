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
import { LocationOrigins, parseLines } from "./parser.js";
import { preprocess, type PreprocessOptions } from "./preprocess.js";

export type AssembleTextOptions = PreprocessOptions;

export function assembleText(text: string, fileName: string, options: AssembleTextOptions = {}): ObjectFile {
  const lines = preprocess(text, fileName, options);
  const origins = new LocationOrigins();
  const statements = parseLines(lines, origins);
  return assembleStatements(statements, fileName, { origin: (loc) => origins.get(loc) });
}

export { assembleStatements } from "./assemble.js";
export { formatStatement, formatProgram, formatExpr, formatOperand } from "./format.js";
export { parseLines } from "./parser.js";
export { preprocess } from "./preprocess.js";
export type { PreprocessOptions } from "./preprocess.js";
export type * from "./statements.js";
