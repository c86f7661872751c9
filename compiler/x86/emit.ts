// Emission: allocated machine functions and IR data -> assembler Statements (the
// objects assembler/ assembles in-process and formats as NASM text). Each
// instruction whose TS source line differs from the previous one carries that
// line as its comment, so `--emit-asm` listings read alongside the source.

import type { Expr, Instruction, Label, Operand, Statement } from "../../assembler/statements.js";
import { noteEmittedFunction, noteEmittedInstruction } from "../debug/variable-homes.js";
import type { IrData, SourcePos } from "../ir.js";
import { REG16, REG32, REG8, type MFunction, type MInstr, type MOperand } from "./machine.js";

/** Looks up the text of a source line (for listing comments); undefined when unknown. */
export type SourceLines = (file: string, line: number) => string | undefined;

export const blockLabel = (fn: string, block: number): string => `${fn}.L${block}`;

const num = (value: number): Expr => ({ kind: "num", value });
const sym = (name: string): Expr => ({ kind: "sym", name });

function symbolPlus(name: string | undefined, value: number): Expr {
  if (name === undefined) return num(value);
  if (value === 0) return sym(name);
  return value > 0
    ? { kind: "binary", op: "+", left: sym(name), right: num(value) }
    : { kind: "binary", op: "-", left: sym(name), right: num(-value) };
}

function operand(fn: MFunction, o: MOperand): Operand {
  switch (o.kind) {
    case "reg": {
      const name = o.size === 32 ? REG32[o.reg] : o.size === 16 ? REG16[o.reg] : REG8[o.reg];
      if (name === undefined) throw new Error(`no ${o.size}-bit form of register ${o.reg} in ${fn.name}`);
      return { kind: "reg", reg: name };
    }
    case "imm":
      return { kind: "imm", expr: symbolPlus(o.sym, o.value) };
    case "mem": {
      if (o.frame) throw new Error(`unresolved frame operand in ${fn.name}`);
      const m: Extract<Operand, { kind: "mem" }> = { kind: "mem" };
      if (o.size !== undefined) m.size = o.size;
      if (o.base !== undefined) m.base = REG32[o.base];
      if (o.index !== undefined) {
        m.index = REG32[o.index];
        m.scale = o.scale;
      }
      if (o.sym !== undefined || o.disp !== 0 || (o.base === undefined && o.index === undefined)) m.disp = symbolPlus(o.sym, o.disp);
      return m;
    }
    case "block":
      return { kind: "imm", expr: sym(blockLabel(fn.name, o.block)) };
    case "symbol":
      return { kind: "imm", expr: sym(o.name) };
    case "ctrl":
      return { kind: "reg", reg: o.reg };
  }
}

function mnemonic(ins: MInstr): string {
  if (ins.op === "j" || ins.op === "set") return ins.op + ins.cond;
  return ins.op;
}

/** The ELF symbol type and size of a function or object: `global`/`static name:type size`. */
function declare(name: string, exported: boolean, type: "function" | "data", size: Expr): Statement {
  return { kind: exported ? "global" : "static", names: [`${name}:${type}`], sizes: [size] };
}

/**
 * One function. `next` is the function emitted right after it (functions are contiguous
 * in .text): its label ends this one, for the symbol size; the last one gets an `.end` label.
 */
export function emitFunction(fn: MFunction, lines?: SourceLines, next?: string): Statement[] {
  const out: Statement[] = [];
  const end = next ?? `${fn.name}.end`;
  out.push(declare(fn.name, fn.exported, "function", { kind: "binary", op: "-", left: sym(end), right: sym(fn.name) }));
  const label: Label = { kind: "label", name: fn.name, ...(fn.pos ? { loc: fn.pos } : {}) };
  noteEmittedFunction(label, fn);
  out.push(label);
  let lastLine: string | undefined;
  const comment = (pos: SourcePos | undefined): string | undefined => {
    if (!pos) return undefined;
    const key = `${pos.file}:${pos.line}`;
    if (key === lastLine) return undefined;
    lastLine = key;
    const text = lines?.(pos.file, pos.line)?.trim();
    return text ? `${key}: ${text}` : key;
  };
  fn.blocks.forEach((b, i) => {
    if (i > 0) out.push({ kind: "label", name: blockLabel(fn.name, b.id) });
    for (const ins of b.instrs) {
      const s: Instruction = {
        kind: "instruction",
        prefixes: [],
        mnemonic: mnemonic(ins),
        operands: ins.operands.map((o) => operand(fn, o)),
      };
      const c = comment(ins.pos);
      if (c !== undefined) s.comment = c;
      // The source position of every instruction: the debug line table (compiler/debug) reads it.
      if (ins.pos) s.loc = ins.pos;
      noteEmittedInstruction(s, ins);
      out.push(s);
    }
  });
  if (next === undefined) out.push({ kind: "label", name: end });
  return out;
}

/** Jump tables of a function, for .rodata. */
export function emitJumpTables(fn: MFunction): Statement[] {
  const out: Statement[] = [];
  for (const t of fn.jumpTables) {
    out.push({ kind: "align", alignment: num(4) });
    out.push({ kind: "label", name: t.label });
    out.push({ kind: "data", width: 4, items: t.targets.map((b) => ({ kind: "expr", expr: sym(blockLabel(fn.name, b)) })) });
  }
  return out;
}

/** One data object: label, bytes (relocated words as `dd symbol+addend`), or reserved space. */
export function emitData(d: IrData): Statement[] {
  const out: Statement[] = [];
  if (d.align > 1) out.push({ kind: "align", alignment: num(d.align), ...(d.section === "bss" ? { fill: "zero" as const } : {}) });
  out.push(declare(d.name, d.exported, "data", num(d.size)));
  out.push({ kind: "label", name: d.name });
  if (d.section === "bss") {
    if (d.size > 0) out.push({ kind: "reserve", width: 1, count: num(d.size) });
    return out;
  }
  const relocs = [...d.relocations].sort((a, b) => a.offset - b.offset);
  let at = 0;
  const bytesUntil = (end: number): void => {
    // Runs of at most 16 bytes per line keep listings readable.
    while (at < end) {
      const n = Math.min(16, end - at);
      out.push({ kind: "data", width: 1, items: Array.from(d.bytes.subarray(at, at + n), (v) => ({ kind: "expr" as const, expr: num(v) })) });
      at += n;
    }
  };
  for (const r of relocs) {
    bytesUntil(r.offset);
    out.push({ kind: "data", width: 4, items: [{ kind: "expr", expr: symbolPlus(r.symbol, r.addend) }] });
    at = r.offset + 4;
  }
  bytesUntil(d.size);
  return out;
}
