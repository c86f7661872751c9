// The front end: TypeScript source → IrModule. The stages, in order:
//
//   program.ts        load and type-check with the TypeScript API (tsc's errors first)
//   reject.ts         the subset check: unsupported constructs, each with the alternative
//   context.ts        what each symbol means; types from annotations (types.ts), class
//                     layouts (layout.ts), static data, strings
//   expressions.ts    expressions → IR, with the integer rules of integers.ts
//   calls.ts          calls, builtins and intrinsics
//   statements.ts     statements → blocks (builder.ts), bounds-check proofs
//   functions.ts      one function → IrFunction (function-context.ts: its state)
//   errors.ts         diagnostic codes and locations
//
// lowerProgram throws DiagnosticError for bad input, never anything else.

import type { Diagnostic } from "../../common/diagnostics.js";
import { DiagnosticError, formatDiagnostic } from "../../common/diagnostics.js";
import type { IrFunction, IrModule } from "../ir.js";
import ts from "typescript";
import { ProgramContext, isExported } from "./context.js";
import { Code, FrontendError, diagnosticAt } from "./errors.js";
import { evaluateModuleConstant } from "./expressions.js";
import { lowerFunction } from "./functions.js";
import type { SourceOverrides, Target } from "./program.js";
import { loadProgram } from "./program.js";
import { rejectUnsupported } from "./reject.js";
import { I32, sameType, typeName } from "./types.js";

export interface LowerOptions {
  target: Target;
  defines: Map<string, string>;
}

export function lowerProgram(entryFile: string, options: LowerOptions): IrModule {
  return lowerProgramWith(entryFile, options, new Map());
}

/** As lowerProgram, with some files' text given in memory (tests, the mutation fuzzer). */
export function lowerProgramWith(entryFile: string, options: LowerOptions, overrides: SourceOverrides): IrModule {
  const loaded = loadProgram(entryFile, options.target, overrides);
  // TypeScript's errors first, then the constructs outside the subset (a syntactic check, safe on ill-typed code).
  if (loaded.errors.length > 0) throw new DiagnosticError([...loaded.errors, ...loaded.sources.flatMap(rejectUnsupported)]);
  const rejected = loaded.sources.flatMap(rejectUnsupported);
  if (rejected.length > 0) throw new DiagnosticError(rejected);

  const diagnostics: Diagnostic[] = [];
  const guard = <T>(f: () => T): T | undefined => {
    try {
      return f();
    } catch (e) {
      if (e instanceof FrontendError) {
        diagnostics.push(e.diagnostic);
        return undefined;
      }
      throw e;
    }
  };

  const ctx = guard(() => new ProgramContext(loaded, options.target, options.defines, evaluateModuleConstant));
  if (!ctx) throw new DiagnosticError(diagnostics);

  // Every module-level declaration, in source order: folds constants, lays out classes, allocates static data.
  for (const file of loaded.sources) {
    for (const stmt of file.statements) {
      const names: ts.Node[] = [];
      if (ts.isFunctionDeclaration(stmt) && stmt.name) names.push(stmt.name);
      if (ts.isVariableStatement(stmt)) for (const d of stmt.declarationList.declarations) names.push(d.name);
      if (ts.isEnumDeclaration(stmt)) for (const m of stmt.members) names.push(m.name);
      if (ts.isClassDeclaration(stmt)) {
        if (stmt.name) names.push(stmt.name);
        for (const m of stmt.members) if (ts.isMethodDeclaration(m)) guard(() => ctx.functionInfo(m));
      }
      for (const n of names) {
        guard(() => {
          const sym = ctx.symbolAt(n);
          if (sym) ctx.resolve(sym, n);
        });
      }
    }
  }

  if (options.target === "linux") guard(() => checkLinuxEntry(ctx, loaded.entry));

  const functions: IrFunction[] = [];
  for (let i = 0; i < ctx.functions.length; i++) {
    const f = guard(() => lowerFunction(ctx, ctx.functions[i]!));
    if (f) functions.push(f);
  }
  if (diagnostics.length > 0) throw new DiagnosticError(unique(diagnostics));

  const defined = new Set(functions.map((f) => f.name));
  const classes = ctx.classInfos.map((c) => ({ name: c.name, size: c.size, fields: [...c.fields.values()].map((f) => ({ name: f.name, type: typeName(f.type), offset: f.offset })) }));
  return { functions, data: ctx.data, externs: [...ctx.externs].filter((n) => !defined.has(n)).sort(), classes };
}

/** A declaration that fails is retried where it is used: report each problem once. */
function unique(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = formatDiagnostic(d);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** --target linux: the entry file exports `function main(): i32`. */
function checkLinuxEntry(ctx: ProgramContext, entry: ts.SourceFile): void {
  const main = entry.statements.find((s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name?.text === "main");
  if (!main || !main.body || !isExported(main)) {
    throw new FrontendError({ severity: "error", code: Code.entry, message: "--target linux needs `export function main(): i32` in the entry file", location: { file: diagnosticAt(entry, Code.entry, "").location!.file, line: 1, column: 1 } });
  }
  const info = ctx.functionInfo(main);
  if (info.sig.params.length !== 0 || !sameType(info.sig.ret, I32)) throw new FrontendError(diagnosticAt(main.name!, Code.entry, "the program entry must be `export function main(): i32`"));
}
