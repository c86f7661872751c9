// Stage 1: load the program through the TypeScript compiler API.
// The entry file and everything it imports are parsed and checked with `noLib`:
// the only ambient declarations are runtime/core.d.ts, runtime/ts386.d.ts and,
// for --target linux, runtime/linux.d.ts. TypeScript's own errors are reported
// first, in tsc's format, before any of ours.

import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import type { Diagnostic } from "../../common/diagnostics.js";
import { DiagnosticError } from "../../common/diagnostics.js";

export type Target = "kernel" | "linux";

/** runtime/ holds the ambient .d.ts files (this file is dist/compiler/frontend/program.js or compiler/frontend/program.ts). */
function findRuntimeDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, "runtime", "ts386.d.ts");
    if (fs.existsSync(candidate)) return path.join(dir, "runtime");
    dir = path.dirname(dir);
  }
  throw new Error("runtime/ts386.d.ts not found next to the compiler");
}

export const runtimeDir = findRuntimeDir();

const libFiles: Record<Target, string[]> = {
  kernel: ["core.d.ts", "ts386.d.ts"].map((n) => path.join(runtimeDir, n)),
  linux: ["core.d.ts", "ts386.d.ts", "linux.d.ts"].map((n) => path.join(runtimeDir, n)),
};

export function runtimeLibFiles(target: Target): string[] {
  return libFiles[target];
}

/** The previous program of the last few root sets: TypeScript reuses its module resolutions and unchanged files. */
const previousPrograms = new Map<string, ts.Program>();

export const compilerOptions: ts.CompilerOptions = {
  noLib: true,
  strict: true,
  strictPropertyInitialization: false, // unmanaged fields have no initialisers
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowImportingTsExtensions: true,
  noEmit: true,
  skipLibCheck: true, // the runtime .d.ts files are ours and checked by their own tests
  types: [],
};

/** Parsed source files survive across compiles (tests compile hundreds of programs). */
const sourceCache = new Map<string, { text: string; file: ts.SourceFile }>();

function cachedSourceFile(fileName: string, text: string): ts.SourceFile {
  const hit = sourceCache.get(fileName);
  if (hit && hit.text === text) return hit.file;
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true);
  sourceCache.set(fileName, { text, file });
  return file;
}

/** Source text overrides (absolute path -> text) let tests compile mutated programs in memory. */
export type SourceOverrides = ReadonlyMap<string, string>;

function createHost(overrides: SourceOverrides): ts.CompilerHost {
  const readText = (fileName: string): string | undefined => {
    const over = overrides.get(path.resolve(fileName));
    if (over !== undefined) return over;
    try {
      return fs.readFileSync(fileName, "utf8");
    } catch {
      return undefined;
    }
  };
  return {
    getSourceFile: (fileName) => {
      const text = readText(fileName);
      return text === undefined ? undefined : cachedSourceFile(fileName, text);
    },
    getDefaultLibFileName: () => path.join(runtimeDir, "core.d.ts"),
    writeFile: () => undefined,
    getCurrentDirectory: () => process.cwd(),
    getDirectories: () => [],
    fileExists: (fileName) => overrides.has(path.resolve(fileName)) || fs.existsSync(fileName),
    readFile: readText,
    getCanonicalFileName: (f) => f,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => "\n",
  };
}

const displayPaths = new Map<string, string>();

/** Path as the user sees it: relative to the current directory. */
export function displayPath(fileName: string): string {
  const key = `${process.cwd()}\0${fileName}`;
  let p = displayPaths.get(key);
  if (p === undefined) {
    p = path.relative(process.cwd(), fileName);
    displayPaths.set(key, p);
  }
  return p;
}

function toDiagnostic(d: ts.Diagnostic): Diagnostic {
  const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
  const code = `TS${d.code}`;
  if (d.file && d.start !== undefined) {
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return { severity: "error", message, code, location: { file: displayPath(d.file.fileName), line: line + 1, column: character + 1 } };
  }
  return { severity: "error", message, code, origin: "ts386" };
}

export interface LoadedProgram {
  program: ts.Program;
  checker: ts.TypeChecker;
  /** The program's own sources (entry and imports), entry last as TypeScript orders them. */
  sources: ts.SourceFile[];
  /** The entry file. */
  entry: ts.SourceFile;
  /** The ambient runtime declarations. */
  runtimeFiles: Set<string>;
  /** TypeScript's own errors, in tsc's format (lowering needs a program without any). */
  errors: Diagnostic[];
}

export function loadProgram(entryFile: string, target: Target, overrides: SourceOverrides = new Map()): LoadedProgram {
  const entry = path.resolve(entryFile);
  const libs = runtimeLibFiles(target);
  const host = createHost(overrides);
  if (host.readFile(entry) === undefined) {
    throw new DiagnosticError([{ severity: "error", origin: "ts386", message: `cannot read '${entryFile}'` }]);
  }
  const rootNames = [...libs, entry];
  const key = rootNames.join("\0");
  const program = ts.createProgram({ rootNames, options: compilerOptions, host, oldProgram: previousPrograms.get(key) });
  previousPrograms.delete(key);
  previousPrograms.set(key, program);
  if (previousPrograms.size > 8) previousPrograms.delete(previousPrograms.keys().next().value!);
  // As tsc does: syntax errors alone when there are any, else the option, global and semantic errors.
  let diagnostics: readonly ts.Diagnostic[] = program.getSyntacticDiagnostics();
  if (diagnostics.length === 0) diagnostics = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics(), ...program.getSemanticDiagnostics()];
  const errors = diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error).map(toDiagnostic);
  const entrySource = program.getSourceFile(entry);
  if (!entrySource || entrySource.isDeclarationFile)
    throw new DiagnosticError([{ severity: "error", origin: "ts386", message: `'${entryFile}' is not a TypeScript source file (.ts)` }]);
  const runtimeFiles = new Set(libs.map((l) => path.resolve(l)));
  const sources = program.getSourceFiles().filter((f) => !f.isDeclarationFile && !runtimeFiles.has(path.resolve(f.fileName)));
  return { program, checker: program.getTypeChecker(), sources, entry: entrySource, runtimeFiles, errors };
}
