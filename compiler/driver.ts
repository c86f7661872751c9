// The compiler driver: entry file -> front end (TS -> IR) -> IR optimiser ->
// x86 back end (IR -> assembler Statements) -> in-process assembler -> ObjectFile.
// Each stage is timed for `ts386 build --timings`. The IR text (--emit-ir) is the
// optimised IR the back end receives; the NASM text (--emit-asm) is printed from
// the very Statements that were assembled, annotated with the TS source lines.

import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { assembleStatements, assembleText, formatProgram } from "../assembler/index.js";
import type { Statement } from "../assembler/statements.js";
import type { ObjectFile } from "../elf/types.js";
import { lowerProgram } from "./frontend/index.js";
import type { IrModule } from "./ir.js";
import { formatModule } from "./ir-text.js";
import { optimizeModule } from "./opt/pipeline.js";
import { generateModule } from "./x86/codegen.js";
import type { PlacedInstruction } from "./debug/code-map.js";
import { addDebugSections } from "./debug/debug-sections.js";
import { findAliases } from "./debug/aliases.js";
import type { SourceLines } from "./x86/emit.js";

export type Target = "kernel" | "linux";

export interface CompileOptions {
  target: Target;
  /** --define NAME=VALUE (NAME alone means "true"). */
  defines: Map<string, string>;
  emitAsm?: boolean;
  emitIr?: boolean;
  /** -g: add DWARF line tables, functions and call frames (compiler/debug). */
  debug?: boolean;
  /** Keep where each instruction landed (CompileResult.placed), for listings with addresses. */
  placeInstructions?: boolean;
}

export interface StageTiming {
  stage: string;
  ms: number;
}

export interface CompileResult {
  object: ObjectFile;
  statements: Statement[];
  /** NASM text of `statements` (when emitAsm). */
  asm?: string;
  /** IR text after optimisation (when emitIr). */
  ir?: string;
  /** Section and offset of every instruction (when debug or placeInstructions). */
  placed?: PlacedInstruction[];
  timings: StageTiming[];
}

/** Times `f` into `timings` under `stage`. */
export function timed<T>(timings: StageTiming[], stage: string, f: () => T): T {
  const start = performance.now();
  const result = f();
  timings.push({ stage, ms: performance.now() - start });
  return result;
}

/** Reads source lines on demand for listing comments (files as the IR names them). */
export function sourceLineReader(): SourceLines {
  const cache = new Map<string, string[] | undefined>();
  return (file, line) => {
    if (!cache.has(file)) {
      try {
        cache.set(file, fs.readFileSync(file, "utf8").split(/\r?\n/));
      } catch {
        cache.set(file, undefined);
      }
    }
    return cache.get(file)?.[line - 1];
  };
}

/** The stages after the front end: optimise, select and allocate, assemble. */
export function compileIr(module: IrModule, objectName: string, options: Omit<CompileOptions, "target" | "defines">, timings: StageTiming[] = []): CompileResult {
  const aliases = options.debug ? findAliases(module) : undefined;
  const optimized = timed(timings, "optimize", () => optimizeModule(module));
  for (const f of optimized.functions) {
    const a = aliases?.get(f.name);
    if (a) f.debugAliases = a;
  }
  const statements = timed(timings, "codegen", () => generateModule(optimized, sourceLineReader()));
  const placed: PlacedInstruction[] = [];
  const assembled = timed(timings, "assemble", () =>
    assembleStatements(statements, objectName, options.debug || options.placeInstructions ? { placed: (ins, section, offset, size) => placed.push({ ins, section, offset, size }) } : {}));
  const object = options.debug
    ? timed(timings, "debug", () => addDebugSections(assembled, optimized, statements, placed, { name: objectName, compDir: process.cwd(), producer: "ts386" }))
    : assembled;
  const result: CompileResult = { object, statements, timings };
  if (options.debug || options.placeInstructions) result.placed = placed;
  if (options.emitIr) result.ir = formatModule(optimized);
  if (options.emitAsm) result.asm = formatProgram(statements);
  return result;
}

export function compileFile(entryFile: string, options: CompileOptions): CompileResult {
  const timings: StageTiming[] = [];
  const module = timed(timings, "frontend", () => lowerProgram(entryFile, { target: options.target, defines: options.defines }));
  return compileIr(module, entryFile, options, timings);
}

/** runtime/linux/*.asm: the entry point, system calls, bounds-failure handler, memset/memcpy. */
export function linuxRuntimeSources(): string[] {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, "runtime", "linux");
    if (fs.existsSync(path.join(candidate, "start.asm"))) {
      return fs.readdirSync(candidate).filter((f) => f.endsWith(".asm")).sort().map((f) => path.join(candidate, f));
    }
    dir = path.dirname(dir);
  }
  throw new Error("runtime/linux/start.asm not found next to the compiler");
}

/** The Linux runtime, assembled in-process. */
export function linuxRuntimeObjects(): ObjectFile[] {
  return linuxRuntimeSources().map((f) => assembleText(fs.readFileSync(f, "latin1"), path.relative(process.cwd(), f)));
}
