// The random programs' syntax tree, and the integer typing rules of the language
// (DESIGN.md, as C on i386) written down independently of the compiler:
// narrow types promote to i32; if either promoted operand is unsigned the
// operation is u32; shifts take the promoted left type; results wrap.

export type IntT = "i8" | "i16" | "i32" | "u8" | "u16" | "u32";
export const INT_TYPES: readonly IntT[] = ["i8", "i16", "i32", "u8", "u16", "u32"];

export const bits = (t: IntT): number => Number(t.slice(1));
export const isSigned = (t: IntT): boolean => t.startsWith("i");

export function wrap(t: IntT, v: bigint): bigint {
  return isSigned(t) ? BigInt.asIntN(bits(t), v) : BigInt.asUintN(bits(t), v);
}
export const promote = (t: IntT): IntT => (bits(t) < 32 ? "i32" : t);
export function arithmeticType(a: IntT, b: IntT): IntT {
  const pa = promote(a), pb = promote(b);
  return pa === "u32" || pb === "u32" ? "u32" : "i32";
}

export type ArithOp = "+" | "-" | "*" | "&" | "|" | "^";
export type ShiftOp = "<<" | ">>" | ">>>";
export type CompareOp = "<" | "<=" | ">" | ">=" | "==" | "!=";
export type DivHelper = "sdiv" | "srem" | "udiv" | "urem";

export type Expr =
  | { k: "lit"; t: IntT; v: bigint }
  | { k: "var"; t: IntT; name: string }
  | { k: "cast"; t: IntT; e: Expr }
  | { k: "boolCast"; t: IntT; c: Cond } // i32(a < b)
  | { k: "arith"; op: ArithOp; l: Expr; r: Expr }
  | { k: "shift"; op: ShiftOp; l: Expr; r: Expr }
  | { k: "divConst"; op: "/" | "%"; l: Expr; r: Expr } // r a literal that cannot trap
  | { k: "unary"; op: "-" | "~"; e: Expr }
  | { k: "ternary"; c: Cond; a: Expr; b: Expr } // a and b of the same type
  | { k: "call"; fn: string; ret: IntT; args: Expr[] }
  | { k: "index"; t: IntT; arr: string; idx: Expr } // arr[i32(idx) & (ARRAY_LENGTH - 1)]
  // A rotate of the 32-bit variable x: `(x << k) op (x >>> (32 - k))` for a literal k, or
  // `(x << n) | (x >>> (32 - (n = n + bump)))` for a variable n of type nt (bump 0: `32 - n`).
  | { k: "rotate"; t: IntT; x: string; op: "|" | "+" | "^"; count: number }
  | { k: "rotateBy"; t: IntT; x: string; n: string; nt: IntT; bump: number };

export type Cond =
  | { k: "cmp"; op: CompareOp; l: Expr; r: Expr }
  | { k: "not"; c: Cond }
  | { k: "logic"; op: "&&" | "||"; l: Cond; r: Cond };

export type Stmt =
  | { k: "let"; name: string; t: IntT; init: Expr }
  | { k: "assign"; name: string; e: Expr } // e already of the variable's type
  | { k: "compound"; name: string; op: ArithOp; e: Expr } // 32-bit variables only
  | { k: "store"; arr: string; idx: Expr; e: Expr } // arr[i32(idx) & (ARRAY_LENGTH - 1)] = e (e of the element type)
  | { k: "if"; c: Cond; then: Stmt[]; else: Stmt[] }
  | { k: "loop"; counter: string; count: number; body: Stmt[] } // let c: i32 = 0; while (c < count) { body; c = c + 1; }
  // An array scan with an unmasked index (count-to-zero, strength reduction):
  // let c: i32 = start; for (; c < B; c += step) acc = T(acc op arr[c + offset]); then, if keep, acc = T(acc + c).
  // B is a literal, or `(i32(bound) & (ARRAY_LENGTH - 1)) - offset` computed before the loop.
  | { k: "scan"; counter: string; start: number; bound: number | Expr; step: number; arr: string; offset: number; acc: string; accT: IntT; op: ArithOp; keep: boolean }
  | { k: "return"; e: Expr };

export interface Func {
  name: string;
  params: { name: string; t: IntT }[];
  ret: IntT;
  body: Stmt[];
}

export interface Global {
  name: string;
  t: IntT;
  init: bigint;
}

/** Length of every module-level StaticArray (a power of two: indexes are masked into range). */
export const ARRAY_LENGTH = 8;

export interface ArrayDecl {
  name: string;
  t: IntT;
}

export interface Program {
  /** Module-level StaticArrays (zero-initialised). */
  arrays: ArrayDecl[];
  /** Module-level variables (functions read and write them, so evaluation order matters). */
  globals: Global[];
  funcs: Func[];
  /** main prints each of these (cast to i32), one per line. */
  outputs: Expr[];
}

export function typeOf(e: Expr): IntT {
  switch (e.k) {
    case "lit": case "var": case "cast": case "boolCast": case "index": case "rotate": case "rotateBy": return e.t;
    case "arith": case "divConst": return arithmeticType(typeOf(e.l), typeOf(e.r));
    case "shift": return promote(typeOf(e.l));
    case "unary": return promote(typeOf(e.e));
    case "ternary": return typeOf(e.a);
    case "call": return e.ret;
  }
}
