// Seeded random program generator: functions over all integer types with casts,
// arithmetic, shifts, rotates (by literals, or by a variable the expression may assign), guarded division, comparisons, ternaries, locals, if/else,
// bounded loops, array scans with unmasked counters (read after the loop too) and calls to earlier functions. Every generated program is
// well-typed under the language rules (narrowing is always an explicit cast) and
// never divides by zero or computes INT_MIN / -1 (helpers guard variable divisors).

import {
  ARRAY_LENGTH, arithmeticType, bits, INT_TYPES, typeOf, wrap,
  type ArithOp, type ArrayDecl, type CompareOp, type Cond, type Expr, type Func, type Global, type IntT, type Program, type Stmt,
} from "./ast.js";
import { prng } from "../../prng.js";

/** Seeded choices over the mulberry32 sequence (test/prng.ts). */
export class Rng {
  private readonly random: () => number;
  constructor(seed: number) {
    this.random = prng(seed);
  }
  next(): number {
    return this.random();
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** Signatures of the division helpers every program carries (a variable divisor may be 0 or -1). */
export const HELPER_TYPES: Record<string, { params: IntT[]; ret: IntT }> = {
  sdiv: { params: ["i32", "i32"], ret: "i32" },
  srem: { params: ["i32", "i32"], ret: "i32" },
  udiv: { params: ["u32", "u32"], ret: "u32" },
  urem: { params: ["u32", "u32"], ret: "u32" },
};

const INTERESTING: bigint[] = [0n, 1n, 2n, 3n, 7n, 31n, 32n, 100n, 127n, 128n, 255n, 256n, 32767n, 32768n, 65535n, 65536n,
  0x7fffffffn, 0x80000000n, 0xffffffffn, 0x12345678n, 0xdeadbeefn];

interface Scope {
  vars: { name: string; t: IntT; mutable: boolean }[];
}

interface Callable {
  name: string;
  params: IntT[];
  ret: IntT;
  cost: number;
}

export class Generator {
  private counter = 0;
  /** Estimated dynamic work of the function being generated (bounded so call trees stay small). */
  private cost = 0;
  private loopFactor = 1;
  readonly funcs: Func[] = [];
  readonly globals: Global[] = [];
  readonly arrays: ArrayDecl[] = [];
  private callables: Callable[] = [];

  /** Depth of the expressions that initialise locals and are returned (deeper: more values live at once). */
  constructor(readonly rng: Rng, readonly depth = 3) {}

  private fresh(prefix: string): string {
    return `${prefix}${this.counter++}`;
  }

  literal(t: IntT): Expr {
    const r = this.rng;
    let v: bigint;
    if (r.chance(0.5)) v = BigInt(r.int(20));
    else if (r.chance(0.5)) v = r.pick(INTERESTING) * (r.chance(0.3) ? -1n : 1n);
    else v = BigInt(r.int(0x100000000)) - (r.chance(0.5) ? 0x80000000n : 0n);
    return { k: "lit", t, v: wrap(t, v) };
  }

  expr(t: IntT | undefined, scope: Scope, depth: number): Expr {
    const r = this.rng;
    const want = (e: Expr): Expr => (t === undefined || typeOf(e) === t ? e : { k: "cast", t, e });
    const leaf = depth <= 0 || r.chance(0.25);
    if (leaf) {
      if (scope.vars.length > 0 && r.chance(0.7)) {
        const v = r.pick(scope.vars);
        return want({ k: "var", t: v.t, name: v.name });
      }
      return this.literal(t ?? r.pick(INT_TYPES));
    }
    const sub = (tt?: IntT): Expr => this.expr(tt, scope, depth - 1);
    const choice = r.int(100);
    if (choice < 30) {
      const op = r.pick<ArithOp>(["+", "-", "*", "&", "|", "^"]);
      return want({ k: "arith", op, l: sub(), r: sub() });
    }
    const words = scope.vars.filter((v) => v.t === "i32" || v.t === "u32");
    if (choice < 42 && words.length > 0 && r.chance(0.25)) {
      // Rotates (isel's rol): by a literal, or by a variable that the expression may bump in between.
      const x = r.pick(words);
      const counts = scope.vars.filter((v) => v.mutable);
      if (counts.length === 0 || r.chance(0.4)) {
        return want({ k: "rotate", t: x.t, x: x.name, op: r.pick<"|" | "+" | "^">(["|", "+", "^"]), count: 1 + r.int(31) });
      }
      const n = r.pick(counts);
      return want({ k: "rotateBy", t: x.t, x: x.name, n: n.name, nt: n.t, bump: r.pick([0, 0, 1, 3, 32]) });
    }
    if (choice < 42) {
      const op = r.pick<"<<" | ">>" | ">>>">(["<<", ">>", ">>>"]);
      const count: Expr = r.chance(0.5) ? { k: "lit", t: "i32", v: BigInt(r.int(40)) } : sub();
      return want({ k: "shift", op, l: sub(), r: count });
    }
    if (choice < 50) {
      const l = sub();
      const signed = arithmeticType(typeOf(l), "i32") === "i32";
      const divisors = signed ? [1n, 2n, 3n, 4n, 7n, 8n, 10n, 16n, 100n, 1024n, -2n, -3n, -8n, -10n] : [1n, 2n, 3n, 4n, 7n, 8n, 10n, 16n, 100n, 1024n];
      const d = r.pick(divisors);
      return want({ k: "divConst", op: r.pick<"/" | "%">(["/", "%"]), l, r: { k: "lit", t: "i32", v: d } });
    }
    if (choice < 58) {
      const name = r.pick(["sdiv", "srem", "udiv", "urem"]);
      const h = HELPER_TYPES[name]!;
      return want({ k: "call", fn: name, ret: h.ret, args: h.params.map((p) => sub(p)) });
    }
    if (choice < 66) return want({ k: "unary", op: r.pick<"-" | "~">(["-", "~"]), e: sub() });
    if (choice < 76) {
      const tt = t ?? r.pick(INT_TYPES);
      return { k: "ternary", c: this.cond(scope, depth - 1), a: sub(tt), b: sub(tt) };
    }
    if (choice < 84) return { k: "cast", t: t ?? r.pick(INT_TYPES), e: sub() };
    if (choice < 88 && this.arrays.length > 0) {
      const a = r.pick(this.arrays);
      return want({ k: "index", t: a.t, arr: a.name, idx: sub() });
    }
    if (choice < 92) return want({ k: "boolCast", t: r.pick<IntT>(["i32", "u32", "u8"]), c: this.cond(scope, depth - 1) });
    // A call to an earlier generated function, if the budget allows.
    const affordable = this.callables.filter((c) => this.cost + c.cost * this.loopFactor <= 400);
    if (affordable.length > 0) {
      const f = r.pick(affordable);
      this.cost += f.cost * this.loopFactor;
      return want({ k: "call", fn: f.name, ret: f.ret, args: f.params.map((p) => sub(p)) });
    }
    return want({ k: "arith", op: "+", l: sub(), r: sub() });
  }

  cond(scope: Scope, depth: number): Cond {
    const r = this.rng;
    if (depth > 0 && r.chance(0.2)) {
      return r.chance(0.3)
        ? { k: "not", c: this.cond(scope, depth - 1) }
        : { k: "logic", op: r.pick<"&&" | "||">(["&&", "||"]), l: this.cond(scope, depth - 1), r: this.cond(scope, depth - 1) };
    }
    const op = r.pick<CompareOp>(["<", "<=", ">", ">=", "==", "!="]);
    return { k: "cmp", op, l: this.expr(undefined, scope, depth - 1), r: this.expr(undefined, scope, depth - 1) };
  }

  private block(scope: Scope, depth: number, count: number): Stmt[] {
    const r = this.rng;
    const out: Stmt[] = [];
    const local: Scope = { vars: [...scope.vars] };
    for (let i = 0; i < count; i++) {
      const choice = r.int(100);
      const mutable = local.vars.filter((v) => v.mutable);
      if (choice < 35 || mutable.length === 0) {
        const t = r.pick(INT_TYPES);
        const name = this.fresh("v");
        out.push({ k: "let", name, t, init: this.expr(t, local, this.depth) });
        local.vars.push({ name, t, mutable: true });
      } else if (choice < 42 && this.arrays.length > 0) {
        const a = r.pick(this.arrays);
        out.push({ k: "store", arr: a.name, idx: this.expr(undefined, local, 2), e: this.expr(a.t, local, 3) });
      } else if (choice < 60) {
        const v = r.pick(mutable);
        if (bits(v.t) === 32 && r.chance(0.4)) {
          out.push({ k: "compound", name: v.name, op: r.pick<ArithOp>(["+", "-", "*", "&", "|", "^"]), e: this.expr(v.t, local, 2) });
        } else out.push({ k: "assign", name: v.name, e: this.expr(v.t, local, 3) });
      } else if (choice < 66 && this.arrays.length > 0) {
        // An array scan whose counter indexes unmasked (and may be read after the loop).
        const v = r.pick(mutable);
        const offset = r.pick([0, 0, 1, 2, -1, -3]);
        const start = Math.max(-offset, r.pick([0, 0, 1, 3, 5, 8]) - Math.max(offset, 0));
        const bound = r.chance(0.5) ? r.int(ARRAY_LENGTH + 1 - Math.max(offset, 0)) : this.expr(undefined, local, 2);
        out.push({ k: "scan", counter: this.fresh("c"), start, bound, step: r.pick([1, 1, 2, 3]), arr: r.pick(this.arrays).name, offset,
          acc: v.name, accT: v.t, op: r.pick<ArithOp>(["+", "-", "*", "^", "|"]), keep: r.chance(0.4) });
      } else if (choice < 80 && depth > 0) {
        out.push({ k: "if", c: this.cond(local, 2), then: this.block(local, depth - 1, 1 + r.int(3)), else: r.chance(0.5) ? this.block(local, depth - 1, 1 + r.int(2)) : [] });
      } else if (depth > 0) {
        const count = r.int(5);
        const counter = this.fresh("n");
        const saved = this.loopFactor;
        this.loopFactor *= Math.max(count, 1);
        const inner: Scope = { vars: [...local.vars, { name: counter, t: "i32", mutable: false }] };
        out.push({ k: "loop", counter, count, body: this.block(inner, depth - 1, 1 + r.int(3)) });
        this.loopFactor = saved;
      } else {
        const v = r.pick(mutable);
        out.push({ k: "assign", name: v.name, e: this.expr(v.t, local, 2) });
      }
    }
    return out;
  }

  func(): Func {
    const r = this.rng;
    const name = this.fresh("f");
    const params = Array.from({ length: r.int(4) }, () => ({ name: this.fresh("p"), t: r.pick(INT_TYPES) }));
    const ret = r.pick(INT_TYPES);
    this.cost = 1;
    this.loopFactor = 1;
    const scope: Scope = {
      vars: [...params.map((p) => ({ ...p, mutable: true })), ...this.globals.map((g) => ({ name: g.name, t: g.t, mutable: true }))],
    };
    const body = this.block(scope, 2, 2 + r.int(4));
    const vars: Scope = { vars: [...scope.vars, ...body.flatMap((s) => (s.k === "let" ? [{ name: s.name, t: s.t, mutable: true }] : []))] };
    body.push({ k: "return", e: this.expr(ret, vars, this.depth) });
    const f: Func = { name, params, ret, body };
    this.funcs.push(f);
    this.callables.push({ name, params: params.map((p) => p.t), ret, cost: this.cost + 10 });
    return f;
  }

  /** A program of `count` functions; main prints each one's result for random arguments. */
  program(count: number): Program {
    for (let i = 0; i < 6; i++) {
      const t = this.rng.pick(INT_TYPES);
      const init = this.literal(t);
      this.globals.push({ name: this.fresh("g"), t, init: init.k === "lit" ? init.v : 0n });
    }
    for (let i = 0; i < 4; i++) this.arrays.push({ name: this.fresh("a"), t: this.rng.pick(INT_TYPES) });
    const outputs: Expr[] = [];
    for (let i = 0; i < count; i++) {
      const f = this.func();
      outputs.push({ k: "call", fn: f.name, ret: f.ret, args: f.params.map((p) => this.literal(p.t)) });
    }
    // The globals' final values are printed too.
    for (const g of this.globals) outputs.push({ k: "var", t: g.t, name: g.name });
    for (const a of this.arrays) for (let i = 0; i < ARRAY_LENGTH; i++) outputs.push({ k: "index", t: a.t, arr: a.name, idx: { k: "lit", t: "i32", v: BigInt(i) } });
    return { arrays: this.arrays, globals: this.globals, funcs: this.funcs, outputs };
  }
}

export function generateProgram(seed: number, count: number, depth = 3): Program {
  return new Generator(new Rng(seed), depth).program(count);
}
