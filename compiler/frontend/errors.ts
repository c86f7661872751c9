// Diagnostics of the front end: every one sits at the construct it is about and,
// for rejected constructs, says what to write instead.

import ts from "typescript";
import type { Diagnostic, SourceLocation } from "../../common/diagnostics.js";
import { displayPath } from "./program.js";

/** TS386xxxx codes of the front end. */
export const Code = {
  unsupported: "TS3861001", // a TypeScript construct outside the subset
  type: "TS3861002", // integer typing: narrowing, mixing, types that do not fit
  constant: "TS3861003", // constant evaluation: overflow, division by zero, non-constant initialiser
  declaration: "TS3861004", // missing annotations, bad declarations
  bounds: "TS3861005", // a constant index proven out of range
  define: "TS3861006", // --define problems
  entry: "TS3861007", // program entry problems
} as const;

export function locationOf(node: ts.Node): SourceLocation {
  const file = node.getSourceFile();
  const { line, character } = file.getLineAndCharacterOfPosition(node.getStart(file));
  return { file: displayPath(file.fileName), line: line + 1, column: character + 1 };
}

export function diagnosticAt(node: ts.Node, code: string, message: string): Diagnostic {
  return { severity: "error", code, message, location: locationOf(node) };
}

/**
 * Thrown inside lowering to abandon the current declaration; collected per
 * declaration. Not an Error: it never escapes the front end, and constant
 * probing throws it often, so it skips the cost of capturing a stack trace.
 */
export class FrontendError {
  constructor(readonly diagnostic: Diagnostic) {}
}

export function failAt(node: ts.Node, code: string, message: string): never {
  throw new FrontendError(diagnosticAt(node, code, message));
}
