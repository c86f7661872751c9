// Evaluates linker script expressions. Values are 32-bit addresses (arithmetic
// wraps mod 2^32, as in an elf32-i386 link) and carry the output section they are
// relative to, which decides the section of a symbol the script defines
// (GNU ld's absolute/relative rules: `.` and section symbols are relative,
// numbers are absolute, relative ± absolute stays relative).

import { fail, type SourceLocation } from "../../common/diagnostics.js";
import type { OutputSection } from "../types.js";
import { PAGE_SIZE } from "../types.js";
import type { Expression } from "./ast.js";

/**
 * What a value is relative to: an output section, nothing (absolute), or `.`
 * outside any output section, which GNU ld attributes to the previous output
 * section, or to the next one after an assignment to `.`; resolved after layout.
 */
export type Relative = OutputSection | null | { dotAnchor: "previous" | "next"; position: number };

export interface Value {
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
}

const u32 = (n: number) => n >>> 0;
const abs = (value: number): Value => ({ value: u32(value), relative: null });

export function alignTo(value: number, align: number, at: SourceLocation): number {
  if (align === 0) return value;
  if ((align & (align - 1)) !== 0) fail(`alignment ${align} is not a power of two`, at);
  return u32(Math.ceil(value / align) * align);
}

export function evaluate(e: Expression, scope: Scope): Value {
  switch (e.kind) {
    case "number":
      return abs(e.value);
    case "dot":
      return scope.dot(e.at);
    case "symbol":
      return scope.symbol(e.name, e.at);
    case "name":
      fail(`'${e.name}' is not a value here`, e.at);
    // eslint-disable-next-line no-fallthrough
    case "unary": {
      const v = evaluate(e.operand, scope).value;
      if (e.op === "-") return abs(-v);
      if (e.op === "~") return abs(~v);
      if (e.op === "!") return abs(v === 0 ? 1 : 0);
      return abs(v);
    }
    case "conditional":
      return evaluate(e.test, scope).value !== 0 ? evaluate(e.then, scope) : evaluate(e.otherwise, scope);
    case "binary":
      return binary(e, scope);
    case "call":
      return call(e, scope);
  }
}

function binary(e: Extract<Expression, { kind: "binary" }>, scope: Scope): Value {
  const l = evaluate(e.left, scope);
  const r = evaluate(e.right, scope);
  const a = l.value;
  const b = r.value;
  switch (e.op) {
    case "+":
      // Relative + absolute stays relative to the same section.
      return { value: u32(a + b), relative: l.relative !== null && r.relative === null ? l.relative : r.relative !== null && l.relative === null ? r.relative : null };
    case "-":
      return { value: u32(a - b), relative: l.relative !== null && r.relative === null ? l.relative : null };
    case "*":
      return abs(Number((BigInt(a) * BigInt(b)) & 0xffffffffn));
    case "/":
    case "%":
      if (b === 0) fail(`division by zero in the linker script`, e.at);
      return abs(e.op === "/" ? Math.floor(a / b) : a % b);
    case "<<":
      return abs(b >= 32 ? 0 : a << b);
    case ">>":
      return abs(b >= 32 ? 0 : a >>> b);
    case "&":
      return abs(a & b);
    case "|":
      return abs(a | b);
    case "^":
      return abs(a ^ b);
    case "<":
      return abs(a < b ? 1 : 0);
    case "<=":
      return abs(a <= b ? 1 : 0);
    case ">":
      return abs(a > b ? 1 : 0);
    case ">=":
      return abs(a >= b ? 1 : 0);
    case "==":
      return abs(a === b ? 1 : 0);
    case "!=":
      return abs(a !== b ? 1 : 0);
    case "&&":
      return abs(a !== 0 && b !== 0 ? 1 : 0);
    case "||":
      return abs(a !== 0 || b !== 0 ? 1 : 0);
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
      // ALIGN(n) aligns `.`; ALIGN(expr, n) aligns expr.
      const base = e.args.length === 2 ? arg(0) : scope.dot(e.at);
      const n = arg(e.args.length - 1).value;
      return { value: alignTo(base.value, n, e.at), relative: base.relative };
    }
    case "ABSOLUTE":
      return abs(arg(0).value);
    case "MAX":
    case "MIN": {
      const a = arg(0);
      const b = arg(1);
      return (e.name === "MAX" ? a.value >= b.value : a.value <= b.value) ? a : b;
    }
    case "DEFINED":
      return abs(scope.defined(nameArg(e)) ? 1 : 0);
    case "ADDR":
    case "LOADADDR": {
      const s = scope.section(nameArg(e), e.args[0]!.at);
      return { value: s.address, relative: s };
    }
    case "SIZEOF":
      return abs(scope.section(nameArg(e), e.args[0]!.at).size);
    case "ALIGNOF":
      return abs(scope.section(nameArg(e), e.args[0]!.at).align);
    case "CONSTANT": {
      const name = nameArg(e);
      if (name === "MAXPAGESIZE" || name === "COMMONPAGESIZE") return abs(PAGE_SIZE);
      fail(`unknown constant '${name}' (CONSTANT takes MAXPAGESIZE or COMMONPAGESIZE)`, e.args[0]!.at);
    }
    // eslint-disable-next-line no-fallthrough
    case "SIZEOF_HEADERS":
      return abs(scope.sizeofHeaders(e.at));
    default:
      fail(`function '${e.name}' is not supported in ts386 link scripts`, e.at);
  }
}
