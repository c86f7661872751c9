// Evaluates linker script expressions. Values are 32-bit (arithmetic wraps mod
// 2^32, as in an elf32-i386 link) and have one of GNU ld's three kinds:
//   - a plain number (literals, SIZEOF, ALIGNOF, comparisons...);
//   - an absolute address (ABSOLUTE(), absolute symbols);
//   - an address relative to an output section (`.`, ADDR(), section symbols).
// The kind matters in two ways. Inside an output section a number is an offset
// from the section's start (`. = 0x40` there means start + 0x40, and absolute
// symbols read as numbers), as ld documents. And it decides which section a
// symbol defined by the script belongs to (what `nm` shows).

import { fail, type SourceLocation } from "../../common/diagnostics.js";
import type { OutputSection } from "../types.js";
import { PAGE_SIZE } from "../types.js";
import type { Expression } from "./ast.js";

/**
 * What a value is: a plain number, an absolute address (null), an address in an
 * output section, or `.` outside any output section, which GNU ld attributes to
 * the previous output section, or to the next one after an assignment to `.`
 * (resolved after layout).
 */
export type Relative = "number" | OutputSection | null | { dotAnchor: "previous" | "next"; position: number };

export interface Value {
  /** The address (absolute, also for relative values) or the number. */
  value: number;
  relative: Relative;
}

export interface Scope {
  dot(at: SourceLocation): Value;
  symbol(name: string, at: SourceLocation): Value;
  defined(name: string): boolean;
  /** A laid-out output section, for ADDR/SIZEOF/ALIGNOF. */
  section(name: string, at: SourceLocation): OutputSection;
  sizeofHeaders(at: SourceLocation): number;
  /** The output section being filled, if the expression is inside one. */
  inSection(): OutputSection | null;
}

const u32 = (n: number) => n >>> 0;
const number = (value: number): Value => ({ value: u32(value), relative: "number" });
const absolute = (value: number): Value => ({ value: u32(value), relative: null });
const isNumber = (v: Value) => v.relative === "number";
const isSection = (r: Relative): r is OutputSection => r !== null && r !== "number" && !("dotAnchor" in r);

/** Aligns up; `at` is the script place that asked for the alignment, if any. */
export function alignTo(value: number, align: number, at?: SourceLocation): number {
  if (align === 0) return value;
  if ((align & (align - 1)) !== 0) fail(`alignment ${align} is not a power of two`, at, at ? {} : { origin: "linker" });
  return u32(Math.ceil(value / align) * align);
}

/** The address a value stands for where it is used: inside a section a number is an offset. */
export function toAddress(v: Value, scope: Scope): Value {
  const current = scope.inSection();
  if (v.relative !== "number") return v;
  return current ? { value: u32(current.address + v.value), relative: current } : absolute(v.value);
}

export function evaluate(e: Expression, scope: Scope): Value {
  switch (e.kind) {
    case "number":
      return number(e.value);
    case "dot":
      return scope.dot(e.at);
    case "symbol":
      return scope.symbol(e.name, e.at);
    case "name":
      fail(`'${e.name}' is not a value here`, e.at);
    case "unary": {
      const operand = evaluate(e.operand, scope);
      const v = operand.value;
      const result = e.op === "-" ? -v : e.op === "~" ? ~v : e.op === "!" ? (v === 0 ? 1 : 0) : v;
      return isNumber(operand) || e.op === "!" ? number(result) : absolute(result);
    }
    case "conditional":
      return evaluate(e.test, scope).value !== 0 ? evaluate(e.then, scope) : evaluate(e.otherwise, scope);
    case "binary":
      return binary(e, scope);
    case "call":
      return call(e, scope);
  }
}

/**
 * The kind of `l op r` for + and -: a relative value offset by a number stays
 * relative (outside sections only when it comes from `.` or the number is on
 * the left, as ld does); two numbers give a number; anything else is absolute.
 */
function additiveKind(l: Value, r: Value, scope: Scope): Relative {
  if (isNumber(l) && isNumber(r)) return "number";
  const inside = scope.inSection() !== null;
  if (isNumber(r) && l.relative !== null) {
    if (!isSection(l.relative) || inside) return l.relative;
    return null;
  }
  if (isNumber(l) && r.relative !== null) return r.relative;
  return null;
}

function binary(e: Extract<Expression, { kind: "binary" }>, scope: Scope): Value {
  const l = evaluate(e.left, scope);
  const r = evaluate(e.right, scope);
  const a = l.value;
  const b = r.value;
  const arith = (value: number): Value => (isNumber(l) && isNumber(r) ? number(value) : absolute(value));
  switch (e.op) {
    case "+":
      return { value: u32(a + b), relative: additiveKind(l, r, scope) };
    case "-":
      return { value: u32(a - b), relative: additiveKind(l, r, scope) };
    case "*":
      return arith(Number((BigInt(a) * BigInt(b)) & 0xffffffffn));
    case "/":
    case "%":
      if (b === 0) fail(`division by zero in the linker script`, e.at);
      return arith(e.op === "/" ? Math.floor(a / b) : a % b);
    case "<<":
      return arith(b >= 32 ? 0 : a << b);
    case ">>":
      return arith(b >= 32 ? 0 : a >>> b);
    case "&":
      return arith(a & b);
    case "|":
      return arith(a | b);
    case "^":
      return arith(a ^ b);
    case "<":
      return number(a < b ? 1 : 0);
    case "<=":
      return number(a <= b ? 1 : 0);
    case ">":
      return number(a > b ? 1 : 0);
    case ">=":
      return number(a >= b ? 1 : 0);
    case "==":
      return number(a === b ? 1 : 0);
    case "!=":
      return number(a !== b ? 1 : 0);
    case "&&":
      return number(a !== 0 && b !== 0 ? 1 : 0);
    case "||":
      return number(a !== 0 || b !== 0 ? 1 : 0);
  }
}

function nameArg(e: Extract<Expression, { kind: "call" }>): string {
  const arg = e.args[0]!;
  return arg.kind === "name" ? arg.name : "";
}

function call(e: Extract<Expression, { kind: "call" }>, scope: Scope): Value {
  const arg = (i: number) => evaluate(e.args[i]!, scope);
  switch (e.name) {
    case "ALIGN":
    case "BLOCK": {
      // ALIGN(n) aligns `.`; ALIGN(expr, n) aligns expr (an address, where numbers are offsets).
      const base = e.args.length === 2 ? arg(0) : scope.dot(e.at);
      const n = arg(e.args.length - 1).value;
      const kind = isNumber(base) ? "number" : isSection(base.relative) && !scope.inSection() && e.args.length === 2 ? null : base.relative;
      return { value: alignTo(base.value, n, e.at), relative: kind };
    }
    case "ABSOLUTE":
      return absolute(arg(0).value);
    case "MAX":
    case "MIN": {
      const a = arg(0);
      const b = arg(1);
      const v = (e.name === "MAX" ? a.value >= b.value : a.value <= b.value) ? a.value : b.value;
      return isNumber(a) && isNumber(b) ? number(v) : absolute(v);
    }
    case "DEFINED":
      return number(scope.defined(nameArg(e)) ? 1 : 0);
    case "ADDR": {
      const s = scope.section(nameArg(e), e.args[0]!.at);
      return { value: s.address, relative: s };
    }
    case "LOADADDR":
      return absolute(scope.section(nameArg(e), e.args[0]!.at).loadAddress);
    case "SIZEOF":
      return number(scope.section(nameArg(e), e.args[0]!.at).size);
    case "ALIGNOF":
      return number(scope.section(nameArg(e), e.args[0]!.at).align);
    case "CONSTANT": {
      const name = nameArg(e);
      if (name === "MAXPAGESIZE" || name === "COMMONPAGESIZE") return number(PAGE_SIZE);
      fail(`unknown constant '${name}' (CONSTANT takes MAXPAGESIZE or COMMONPAGESIZE)`, e.args[0]!.at);
    }
    case "SIZEOF_HEADERS":
      return number(scope.sizeofHeaders(e.at));
    default:
      fail(`function '${e.name}' is not supported in ts386 link scripts`, e.at);
  }
}
