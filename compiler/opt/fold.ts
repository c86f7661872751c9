// Constant arithmetic on 32-bit patterns, exactly as the CPU does it, and the
// algebraic identities that make an operation a copy. Division by zero and
// INT_MIN / -1 are never folded: at run time they trap, and so must the program.

import type { BinaryOp, Condition, Value } from "../ir.js";

/** The folded result of `a kind b` (both int32 patterns), or undefined if it must trap. */
export function foldBinary(kind: BinaryOp, a: number, b: number): number | undefined {
  switch (kind) {
    case "add": return (a + b) | 0;
    case "sub": return (a - b) | 0;
    case "mul": return Math.imul(a, b);
    case "and": return a & b;
    case "or": return a | b;
    case "xor": return a ^ b;
    case "shl": return a << (b & 31);
    case "shr": return (a >>> (b & 31)) | 0;
    case "sar": return a >> (b & 31);
    case "divs": case "rems":
      if (b === 0 || (a === -0x80000000 && b === -1)) return undefined;
      return kind === "divs" ? (a / b) | 0 : a % b | 0;
    case "divu": case "remu": {
      const ua = a >>> 0, ub = b >>> 0;
      if (ub === 0) return undefined;
      return kind === "divu" ? Math.floor(ua / ub) | 0 : ua % ub | 0;
    }
  }
}

export function foldCompare(cond: Condition, a: number, b: number): boolean {
  const ua = a >>> 0, ub = b >>> 0;
  switch (cond) {
    case "eq": return a === b;
    case "ne": return a !== b;
    case "lt": return a < b;
    case "le": return a <= b;
    case "gt": return a > b;
    case "ge": return a >= b;
    case "ult": return ua < ub;
    case "ule": return ua <= ub;
    case "ugt": return ua > ub;
    case "uge": return ua >= ub;
  }
}

export function foldExtend(value: number, width: 1 | 2, signed: boolean): number {
  const shift = 32 - width * 8;
  return signed ? (value << shift) >> shift : ((value << shift) >>> shift) | 0;
}

const same = (a: Value, b: Value): boolean => a.kind === "temp" && b.kind === "temp" && a.temp === b.temp;
const isConst = (v: Value, n: number): boolean => v.kind === "const" && v.value === n;

/** A value equal to `left kind right` without computing anything, if an identity gives one. */
export function simplifyBinary(kind: BinaryOp, left: Value, right: Value): Value | undefined {
  const zero: Value = { kind: "const", value: 0 };
  switch (kind) {
    case "add":
      if (isConst(right, 0)) return left;
      if (isConst(left, 0)) return right;
      return undefined;
    case "sub":
      if (isConst(right, 0)) return left;
      if (same(left, right)) return zero;
      return undefined;
    case "mul":
      if (isConst(right, 1)) return left;
      if (isConst(left, 1)) return right;
      if (isConst(right, 0) || isConst(left, 0)) return zero;
      return undefined;
    case "and":
      if (isConst(right, 0) || isConst(left, 0)) return zero;
      if (isConst(right, -1) || same(left, right)) return left;
      if (isConst(left, -1)) return right;
      return undefined;
    case "or":
      if (isConst(right, 0) || same(left, right)) return left;
      if (isConst(left, 0)) return right;
      return undefined;
    case "xor":
      if (isConst(right, 0)) return left;
      if (isConst(left, 0)) return right;
      if (same(left, right)) return zero;
      return undefined;
    case "shl": case "shr": case "sar":
      if (right.kind === "const" && (right.value & 31) === 0) return left;
      if (isConst(left, 0)) return zero;
      return undefined;
    case "divs": case "divu":
      return isConst(right, 1) ? left : undefined;
    case "rems": case "remu":
      return isConst(right, 1) ? zero : undefined;
  }
}
