// Test harness for the back end: hand-built IR modules are compiled to
// assembler Statements, printed as NASM text, assembled by real nasm, linked
// with the Linux runtime by GNU ld and run natively.

import * as fs from "node:fs";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { formatProgram } from "../../../assembler/index.js";
import type { Block, Instr, IrFunction, IrModule, Temp, Terminator, Value } from "../../../compiler/ir.js";
import { generateModule } from "../../../compiler/x86/codegen.js";
import { repoRoot, run, tmpDir } from "../../tools.js";

export const t = (temp: Temp): Value => ({ kind: "temp", temp });
export const c = (value: number): Value => ({ kind: "const", value: value | 0 });
export const s = (name: string, offset = 0): Value => ({ kind: "symbol", name, offset });

/** A tiny builder for IR functions in tests. */
export class FnBuilder {
  private blocks: Block[] = [];
  private cur: Instr[] = [];
  private curId = 0;
  temps = 0;
  constructor(
    readonly name: string,
    readonly paramCount: number,
    readonly opts: { exported?: boolean; conv?: "cdecl" | "internal"; returnsValue?: boolean } = {},
  ) {
    this.temps = paramCount;
  }
  temp(): Temp {
    return this.temps++;
  }
  param(i: number): Value {
    return t(i);
  }
  add(ins: Instr): void {
    this.cur.push(ins);
  }
  /** Emits `dst = left kind right` into a fresh temp and returns it. */
  bin(kind: Extract<Instr, { op: "binary" }>["kind"], left: Value, right: Value, dst = this.temp()): Value {
    this.add({ op: "binary", dst, kind, left, right });
    return t(dst);
  }
  copy(dst: Temp, src: Value): void {
    this.add({ op: "copy", dst, src });
  }
  call(callee: string, args: Value[], conv: "cdecl" | "internal" = "cdecl", dst: Temp | undefined = this.temp()): Value {
    this.add({ op: "call", dst, callee: s(callee), args, conv });
    return t(dst ?? -1);
  }
  /** Ends the current block with `term` and starts block `next`. */
  end(term: Terminator, next?: number): void {
    this.blocks.push({ id: this.curId, instrs: this.cur, term });
    this.cur = [];
    if (next !== undefined) this.curId = next;
  }
  build(): IrFunction {
    return {
      name: this.name,
      exported: this.opts.exported ?? false,
      conv: this.opts.conv ?? (this.opts.exported ? "cdecl" : "internal"),
      params: Array.from({ length: this.paramCount }, (_, i) => i),
      returnsValue: this.opts.returnsValue ?? true,
      blocks: this.blocks,
      tempCount: this.temps,
      tempNames: new Map(),
    };
  }
}

/** Assembles NASM text with real nasm; returns the object path. */
export function nasmObject(dir: string, name: string, text: string): string {
  const src = path.join(dir, `${name}.asm`);
  const obj = path.join(dir, `${name}.o`);
  fs.writeFileSync(src, text);
  run("nasm", ["-f", "elf32", "-o", obj, src]);
  return obj;
}

export const LINUX_RUNTIME = ["start", "syscalls", "panic", "memory"].map((n) => path.join(repoRoot, `runtime/linux/${n}.asm`));

/** Compiles an IR module (with `main` exported), links it with the Linux runtime, runs it. */
export function runModule(module: IrModule, opts: { dir?: string } = {}): { status: number; stdout: string; stderr: string; asm: string } {
  const dir = opts.dir ?? tmpDir("ts386-backend-");
  const asm = formatProgram(generateModule(module));
  const obj = nasmObject(dir, "prog", asm);
  const rt = LINUX_RUNTIME.map((f) => nasmObject(dir, path.basename(f, ".asm"), fs.readFileSync(f, "utf8")));
  const exe = path.join(dir, "prog");
  run("i686-linux-gnu-ld", ["-m", "elf_i386", "-static", "-o", exe, ...rt, obj]);
  const r = spawnSync(exe, [], { encoding: "latin1" });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, asm };
}
