// Statements -> NASM text. Assembling the printed text gives the same bytes as
// assembling the statements (the compiler's --emit-asm relies on it): names are
// printed fully qualified, expressions fully parenthesised, strings with escapes.

import type { DataItem, Expr, Operand, Statement } from "./statements.js";
import { isReservedWord } from "./parser.js";
import { isOtherNasmRegister } from "./registers.js";
import { sectionAttributes } from "./sections.js";
import { SHT_NOBITS } from "../elf/types.js";

const DATA_NAMES: Record<number, string> = { 1: "db", 2: "dw", 4: "dd", 8: "dq" };
const RESERVE_NAMES: Record<number, string> = { 1: "resb", 2: "resw", 4: "resd", 8: "resq" };
const SIZE_NAMES: Record<number, string> = { 8: "byte", 16: "word", 32: "dword", 48: "far", 64: "qword" };

function name(n: string): string {
  return isReservedWord(n) || isOtherNasmRegister(n) ? `$${n}` : n;
}

export function formatExpr(e: Expr, top = true): string {
  switch (e.kind) {
    case "num":
      return e.value < 0 ? (top ? `${e.value}` : `(${e.value})`) : `${e.value}`;
    case "sym":
      return name(e.name);
    case "here":
      return "$";
    case "sectionStart":
      return "$$";
    case "unary":
      return `${e.op}${formatExpr(e.operand, false)}`;
    case "binary": {
      const s = `${formatExpr(e.left, false)} ${e.op} ${formatExpr(e.right, false)}`;
      return top ? s : `(${s})`;
    }
  }
}

export function formatOperand(op: Operand): string {
  switch (op.kind) {
    case "reg":
      return op.reg;
    case "imm": {
      const words: string[] = [];
      if (op.strict) words.push("strict");
      if (op.size !== undefined) words.push(SIZE_NAMES[op.size]!);
      if (op.short) words.push("short");
      if (op.near) words.push("near");
      words.push(formatExpr(op.expr));
      return words.join(" ");
    }
    case "mem": {
      const parts: string[] = [];
      if (op.base) parts.push(op.base);
      if (op.index) parts.push(op.scale && op.scale !== 1 ? `${op.index}*${op.scale}` : op.base ? op.index : `${op.index}*1`);
      if (op.disp) parts.push(formatExpr(op.disp, parts.length === 0));
      const inner = parts.length === 0 ? "0" : parts.join("+");
      const size = op.size !== undefined ? `${SIZE_NAMES[op.size]} ` : "";
      return `${size}[${op.segment ? `${op.segment}:` : ""}${inner}]`;
    }
    case "far":
      return `${formatExpr(op.segment, false)}:${formatExpr(op.offset, false)}`;
  }
}

/** "name" or "name:function" as written in global/extern. */
function symbolWithType(n: string): string {
  const [sym, type] = n.split(":");
  return name(sym!) + (type !== undefined ? `:${type}` : "");
}

function formatString(bytes: number[]): string {
  const printable = bytes.every((b) => b >= 0x20 && b < 0x7f);
  if (printable && !bytes.includes(0x27)) return `'${String.fromCharCode(...bytes)}'`;
  if (printable && !bytes.includes(0x22)) return `"${String.fromCharCode(...bytes)}"`;
  let s = "`";
  for (const b of bytes) {
    if (b >= 0x20 && b < 0x7f && b !== 0x60 && b !== 0x5c) s += String.fromCharCode(b);
    else s += `\\x${b.toString(16).padStart(2, "0")}`;
  }
  return s + "`";
}

function formatItem(item: DataItem): string {
  if (item.kind === "string") return item.bytes.length === 0 ? "''" : formatString(item.bytes);
  return formatExpr(item.expr);
}

/**
 * One statement as a line of NASM text (without a newline). `inNobits`: the statement is
 * in a NOBITS section (.bss), where zero-filled alignment is written `alignb N` (nasm
 * warns about `align N, db 0` there; the bytes are the same: none).
 */
export function formatStatement(st: Statement, inNobits = false): string {
  switch (st.kind) {
    case "label":
      return `${name(st.name)}:`;
    case "instruction": {
      const head = [...st.prefixes, st.mnemonic].join(" ");
      const ops = st.operands.map(formatOperand).join(", ");
      const text = `    ${head}${ops ? " " + ops : ""}`;
      return st.comment ? `${text.padEnd(40)} ; ${st.comment}` : text;
    }
    case "section":
      return `section ${st.name}${st.attributes.map((a) => " " + a).join("")}`;
    case "bits":
      return `bits ${st.bits}`;
    case "absolute":
      return `absolute ${formatExpr(st.address)}`;
    case "global":
    case "static":
      return `${st.kind} ${st.names.map((n, i) => symbolWithType(n) + (st.sizes?.[i] ? ` ${formatExpr(st.sizes[i]!, false)}` : "")).join(", ")}`;
    case "extern":
      return `extern ${st.names.map(symbolWithType).join(", ")}`;
    case "equ":
      return `${name(st.name)} equ ${formatExpr(st.expr)}`;
    case "data":
      return `    ${DATA_NAMES[st.width]} ${st.items.map(formatItem).join(", ")}`;
    case "reserve":
      return `    ${RESERVE_NAMES[st.width]} ${formatExpr(st.count)}`;
    case "align":
      if (st.fill === "zero" && inNobits) return `    alignb ${formatExpr(st.alignment)}`;
      return `    align ${formatExpr(st.alignment)}${st.fill === "zero" ? ", db 0" : ""}`;
    case "times":
      return `    times ${formatExpr(st.count, false)} ${formatStatement(st.body).trimStart()}`;
    case "comment":
      return st.text === "" ? "" : `; ${st.text}`;
  }
}

/** A whole program, one statement per line. */
export function formatProgram(statements: Statement[]): string {
  let inNobits = false;
  const lines = statements.map((st) => {
    if (st.kind === "section") inNobits = isNobits(st.name, st.attributes);
    return formatStatement(st, inNobits);
  });
  return lines.join("\n") + "\n";
}

/** Whether a section directive makes a NOBITS section (a bad attribute: the assembler reports it). */
function isNobits(name: string, attributes: string[]): boolean {
  try {
    return sectionAttributes(name, attributes, (message) => { throw new Error(message); }).type === SHT_NOBITS;
  } catch {
    return false;
  }
}
