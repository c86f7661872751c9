// The integer rules of the language (docs/language.md, "Integers"): promotion,
// the type of a binary operation, ranges, wrapping and constant folding. Constant
// folding and code generation both follow these rules, so they cannot disagree.

import type { IntType, Type } from "./types.js";
import { I32, U32, intType } from "./types.js";

/** C's integer promotion: i8 i16 u8 u16 become i32; 32-bit types stay. */
export function promote(t: IntType): IntType {
  return t.width < 4 ? I32 : t;
}

/** The usual arithmetic conversions: both promoted; any unsigned operand makes the operation unsigned. */
export function arithmeticType(a: IntType, b: IntType): IntType {
  const pa = promote(a);
  const pb = promote(b);
  if (!pa.signed) return pa;
  if (!pb.signed) return pb;
  return pa;
}

export function minOf(t: IntType): bigint {
  return t.signed ? -(1n << BigInt(t.width * 8 - 1)) : 0n;
}

export function maxOf(t: IntType): bigint {
  return t.signed ? (1n << BigInt(t.width * 8 - 1)) - 1n : (1n << BigInt(t.width * 8)) - 1n;
}

export function fits(t: IntType, v: bigint): boolean {
  return v >= minOf(t) && v <= maxOf(t);
}

/** Two's-complement wrap of v into t (what a cast does). */
export function wrap(t: IntType, v: bigint): bigint {
  const bits = t.width * 8;
  return t.signed ? BigInt.asIntN(bits, v) : BigInt.asUintN(bits, v);
}

/** The type an untyped constant takes when nothing else decides: i32, or u32 when only u32 holds it (as C types hex literals). */
export function defaultIntType(v: bigint): IntType | undefined {
  if (fits(I32, v)) return I32;
  if (fits(U32, v)) return U32;
  return undefined;
}

/** A 32-bit pattern as the IR stores constants (signed int32). */
export function toIrConst(v: bigint): number {
  return Number(BigInt.asIntN(32, v));
}

export type ArithOp = "add" | "sub" | "mul" | "div" | "rem" | "and" | "or" | "xor" | "shl" | "shr" | "ushr";

/**
 * Folds one operation. `t` is the operation's type, or undefined for untyped
 * constants (exact arithmetic; the result must fit where it finally lands).
 * Returns a string describing the problem when the operation has no value.
 */
export function foldArith(op: ArithOp, t: IntType | undefined, a: bigint, b: bigint): bigint | string {
  const w = (v: bigint): bigint => (t ? wrap(t, v) : v);
  switch (op) {
    case "add":
      return w(a + b);
    case "sub":
      return w(a - b);
    case "mul":
      return w(a * b);
    case "div":
    case "rem": {
      if (b === 0n) return "division by zero";
      if (t && t.signed && a === minOf(promoteOrSelf(t)) && b === -1n) return `${a} / -1 overflows ${t.name} (the CPU traps)`;
      return w(op === "div" ? a / b : a % b); // BigInt division truncates toward zero, as C and x86 do
    }
    case "and":
      return w(a & b);
    case "or":
      return w(a | b);
    case "xor":
      return w(a ^ b);
    case "shl":
      if (t) return w(a << (b & 31n));
      // Untyped constants are exact: past 63 the value fits no 32-bit type (and may be too big to build at all).
      if (a !== 0n && b > 63n) return `${a} << ${b} does not fit 32 bits; give the left operand a type (counts then wrap mod 32)`;
      return a << b;
    case "shr":
      if (!t) return a >> b;
      return t.signed ? w(BigInt.asIntN(32, a) >> (b & 31n)) : w(BigInt.asUintN(32, a) >> (b & 31n));
    case "ushr":
      return w(BigInt.asUintN(32, a) >> (b & 31n));
  }
}

function promoteOrSelf(t: IntType): IntType {
  return promote(t);
}

export function foldNot(t: IntType | undefined, a: bigint): bigint {
  return t ? wrap(t, ~a) : ~a;
}

export function foldNeg(t: IntType | undefined, a: bigint): bigint {
  return t ? wrap(t, -a) : -a;
}

export type CompareOp = "eq" | "ne" | "lt" | "le" | "gt" | "ge";

export function foldCompare(op: CompareOp, a: bigint, b: bigint): boolean {
  switch (op) {
    case "eq":
      return a === b;
    case "ne":
      return a !== b;
    case "lt":
      return a < b;
    case "le":
      return a <= b;
    case "gt":
      return a > b;
    case "ge":
      return a >= b;
  }
}

/** Can a value of type `from` be used where `to` is expected without a cast? Widening and same-width sign changes can. */
export function implicitlyConvertible(from: IntType, to: IntType): boolean {
  return from.width <= to.width;
}

export function isInt(t: Type): t is IntType {
  return t.kind === "int";
}

export { intType };
