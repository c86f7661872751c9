// NASM expressions: parsing tokens into an Expr tree and evaluating the tree.
//
// Precedence, lowest first (NASM manual 3.5): || ; && ; == != < <= > >= ;
// | ; ^ ; & ; << >> ; + - ; * / // % %% ; unary - + ~ !.
// `/` and `%` are unsigned, `//` and `%%` signed; `>>` is a logical shift.
//
// A value is a number plus, optionally, the section or extern it is relative to
// (a "relocatable" value). Adding a number to a relocatable value keeps it
// relocatable; subtracting two values relative to the same section gives a number;
// anything else on a relocatable value is an error.

import type { Expr } from "./statements.js";
import { charConstant, errorAt, type LineOrigin, type Token } from "./lexer.js";

/** Segment of a value: NO_SEG for plain numbers, a section index, or EXTERN_BASE + extern number. */
export const NO_SEG = -1;
export const EXTERN_BASE = 1 << 20;

export interface Value {
  offset: number;
  seg: number;
  /** Depends on a symbol not (yet) defined: only allowed before the final pass. */
  unknown: boolean;
}

export const UNKNOWN: Value = Object.freeze({ offset: 0, seg: NO_SEG, unknown: true }) as Value;

export function constant(n: number): Value {
  return { offset: n, seg: NO_SEG, unknown: false };
}

/** What the evaluator needs from the assembler. */
export interface EvalContext {
  /** The value of a symbol, or undefined when it is not defined (yet). */
  symbol(name: string): Value | undefined;
  here(): Value;
  sectionStart(): Value;
  /** Reports a misuse (non-simple expression, division by zero). */
  error(message: string): never;
}

// ---------------------------------------------------------------------------
// Parsing

const BINARY_LEVELS: string[][] = [
  ["||"],
  ["&&"],
  ["==", "!=", "<", "<=", ">", ">="],
  ["|"],
  ["^"],
  ["&"],
  ["<<", ">>"],
  ["+", "-"],
  ["*", "/", "//", "%", "%%"],
];

/** A cursor over the tokens of one line, shared by the parser and the preprocessor. */
export class TokenCursor {
  pos = 0;
  constructor(readonly tokens: Token[], readonly origin: LineOrigin) {}
  peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }
  atEnd(): boolean {
    return this.pos >= this.tokens.length;
  }
  next(): Token {
    const t = this.tokens[this.pos];
    if (!t) this.fail("unexpected end of line");
    this.pos++;
    return t;
  }
  isPunct(text: string, offset = 0): boolean {
    const t = this.tokens[this.pos + offset];
    return t !== undefined && t.kind === "punct" && t.text === text;
  }
  isWord(word: string, offset = 0): boolean {
    const t = this.tokens[this.pos + offset];
    return t !== undefined && t.kind === "id" && t.text.toLowerCase() === word;
  }
  eatPunct(text: string): boolean {
    if (this.isPunct(text)) {
      this.pos++;
      return true;
    }
    return false;
  }
  expectPunct(text: string): void {
    if (!this.eatPunct(text)) this.fail(`expected '${text}'${this.atEnd() ? " at end of line" : ` before '${this.peek()!.text}'`}`);
  }
  /** Column of the current token (or just past the line's end). */
  col(): number {
    const t = this.peek();
    if (t) return t.col;
    return this.origin.text.replace(/\s*(;.*)?$/, "").length + 1;
  }
  fail(message: string, col = this.col()): never {
    errorAt(this.origin, col, message);
  }
}

/**
 * Parses an expression. `qualify` turns a local name (".loop") into its full name.
 * Register names come through as symbols; the parser takes them out of effective
 * addresses and rejects them anywhere else.
 */
export function parseExpr(cur: TokenCursor, qualify: (name: string) => string): Expr {
  return parseBinary(cur, 0, qualify);
}

/** Binding level of each binary operator (index into BINARY_LEVELS). */
const BINARY_LEVEL = new Map<string, number>(BINARY_LEVELS.flatMap((ops, level) => ops.map((op) => [op, level] as [string, number])));

/**
 * Operators of level `min` and tighter, left-associative (precedence climbing: the
 * same trees as one recursive function per level, without ten calls per operand).
 */
function parseBinary(cur: TokenCursor, min: number, qualify: (name: string) => string): Expr {
  let left = parseUnary(cur, qualify);
  for (;;) {
    const t = cur.peek();
    if (!t || t.kind !== "punct") return left;
    const level = BINARY_LEVEL.get(t.text);
    if (level === undefined || level < min) return left;
    cur.pos++;
    const right = parseBinary(cur, level + 1, qualify);
    left = { kind: "binary", op: t.text as Extract<Expr, { kind: "binary" }>["op"], left, right };
  }
}

function parseUnary(cur: TokenCursor, qualify: (name: string) => string): Expr {
  const t = cur.peek();
  if (!t) cur.fail("expected an expression");
  if (t.kind === "punct" && (t.text === "-" || t.text === "+" || t.text === "~" || t.text === "!")) {
    cur.pos++;
    const operand = parseUnary(cur, qualify);
    if (t.text === "-" && operand.kind === "num") return { kind: "num", value: -operand.value };
    if (t.text === "+") return operand;
    return { kind: "unary", op: t.text, operand };
  }
  cur.pos++;
  switch (t.kind) {
    case "num":
      return { kind: "num", value: t.value };
    case "str":
      return { kind: "num", value: charConstant(t.bytes!) };
    case "id":
      return { kind: "sym", name: qualify(t.text) };
    case "punct":
      if (t.text === "$") return { kind: "here" };
      if (t.text === "$$") return { kind: "sectionStart" };
      if (t.text === "(") {
        const e = parseBinary(cur, 0, qualify);
        cur.expectPunct(")");
        return e;
      }
  }
  cur.fail(`expected an expression, found '${t.text}'`, t.col);
}

// ---------------------------------------------------------------------------
// Evaluation

const INT32_MIN = -0x80000000;
const INT32_MAX = 0x7fffffff;

function small(a: number, b: number): boolean {
  return a >= INT32_MIN && a <= INT32_MAX && b >= INT32_MIN && b <= INT32_MAX;
}

function i64(b: bigint): number {
  return Number(BigInt.asIntN(64, b));
}
function u64(n: number): bigint {
  return BigInt.asUintN(64, BigInt(n));
}

/** Integer arithmetic with NASM's 64-bit semantics (exact up to 2^53, which covers i386). */
export function arith(op: string, a: number, b: number, error: (m: string) => never): number {
  switch (op) {
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*": {
      const r = a * b;
      return Number.isSafeInteger(r) ? r : i64(BigInt(a) * BigInt(b));
    }
    case "/":
    case "%":
      if (b === 0) error("division by zero");
      if (a >= 0 && b > 0) return op === "/" ? Math.floor(a / b) : a % b;
      return i64(op === "/" ? u64(a) / u64(b) : u64(a) % u64(b));
    case "//":
    case "%%":
      if (b === 0) error("division by zero");
      return op === "//" ? Math.trunc(a / b) : a % b;
    case "&":
      return small(a, b) ? a & b : i64(BigInt(a) & BigInt(b));
    case "|":
      return small(a, b) ? a | b : i64(BigInt(a) | BigInt(b));
    case "^":
      return small(a, b) ? a ^ b : i64(BigInt(a) ^ BigInt(b));
    case "<<":
      if (b < 0 || b > 63) return 0;
      return i64(BigInt(a) << BigInt(b));
    case ">>":
      if (b < 0 || b > 63) return 0;
      if (a >= 0) return Math.floor(a / 2 ** b);
      return i64(u64(a) >> BigInt(b));
    case "==":
      return a === b ? 1 : 0;
    case "!=":
      return a !== b ? 1 : 0;
    case "<":
      return a < b ? 1 : 0;
    case "<=":
      return a <= b ? 1 : 0;
    case ">":
      return a > b ? 1 : 0;
    case ">=":
      return a >= b ? 1 : 0;
    case "&&":
      return a !== 0 && b !== 0 ? 1 : 0;
    case "||":
      return a !== 0 || b !== 0 ? 1 : 0;
  }
  return error(`unknown operator '${op}'`);
}

export function evaluate(e: Expr, ctx: EvalContext): Value {
  switch (e.kind) {
    case "num":
      return { offset: e.value, seg: NO_SEG, unknown: false };
    case "sym":
      return ctx.symbol(e.name) ?? UNKNOWN;
    case "here":
      return ctx.here();
    case "sectionStart":
      return ctx.sectionStart();
    case "unary": {
      const v = evaluate(e.operand, ctx);
      if (v.unknown) return UNKNOWN;
      if (v.seg !== NO_SEG) ctx.error(`operator '${e.op}' applied to a relocatable value`);
      const n = v.offset;
      const r = e.op === "-" ? -n : e.op === "~" ? (n >= INT32_MIN && n <= INT32_MAX ? ~n : -n - 1) : e.op === "!" ? (n === 0 ? 1 : 0) : n;
      return constant(r);
    }
    case "binary": {
      const a = evaluate(e.left, ctx);
      const b = evaluate(e.right, ctx);
      if (a.unknown || b.unknown) return UNKNOWN;
      if (e.op === "+") {
        if (a.seg !== NO_SEG && b.seg !== NO_SEG) ctx.error("cannot add two relocatable values");
        return { offset: a.offset + b.offset, seg: a.seg !== NO_SEG ? a.seg : b.seg, unknown: false };
      }
      if (e.op === "-") {
        if (b.seg === NO_SEG) return { offset: a.offset - b.offset, seg: a.seg, unknown: false };
        if (a.seg === b.seg) return constant(a.offset - b.offset);
        ctx.error("cannot subtract values relative to different sections");
      }
      if (a.seg !== NO_SEG || b.seg !== NO_SEG) ctx.error(`operator '${e.op}' needs plain numbers, not a relocatable address`);
      return constant(arith(e.op, a.offset, b.offset, ctx.error));
    }
  }
}

/** True when an expression mentions no symbol and no `$`/`$$`: its value never changes between passes. */
export function isConstantExpr(e: Expr): boolean {
  switch (e.kind) {
    case "num":
      return true;
    case "sym":
    case "here":
    case "sectionStart":
      return false;
    case "unary":
      return isConstantExpr(e.operand);
    case "binary":
      return isConstantExpr(e.left) && isConstantExpr(e.right);
  }
}
