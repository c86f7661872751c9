// The reference evaluator: runs a random program on BigInts under the language's
// integer rules (ast.ts), independently of the compiler. Its output is what the
// compiled program must print.

import { ARRAY_LENGTH, arithmeticType, promote, typeOf, wrap, type Cond, type Expr, type Func, type IntT, type Program, type Stmt } from "./ast.js";

type Env = Map<string, bigint>;

class Return {
  constructor(readonly value: bigint) {}
}

export class Evaluator {
  private readonly funcs: Map<string, Func>;
  /** Module-level variables, shared by every call. */
  private readonly globals: Env;
  private readonly globalTypes: Map<string, IntT>;
  private readonly arrays: Map<string, { t: IntT; values: bigint[] }>;
  constructor(program: Program) {
    this.arrays = new Map(program.arrays.map((a) => [a.name, { t: a.t, values: new Array<bigint>(ARRAY_LENGTH).fill(0n) }]));
    this.funcs = new Map(program.funcs.map((f) => [f.name, f]));
    this.globals = new Map(program.globals.map((g) => [g.name, g.init]));
    this.globalTypes = new Map(program.globals.map((g) => [g.name, g.t]));
  }

  private write(name: string, value: bigint, env: Env, types: Map<string, IntT>): void {
    const local = types.get(name);
    if (local !== undefined) env.set(name, wrap(local, value));
    else this.globals.set(name, wrap(this.globalTypes.get(name)!, value));
  }

  expr(e: Expr, env: Env): bigint {
    switch (e.k) {
      case "lit": return e.v;
      case "var": {
        const v = env.get(e.name) ?? this.globals.get(e.name);
        if (v === undefined) throw new Error(`unbound ${e.name}`);
        return v;
      }
      case "cast": return wrap(e.t, this.expr(e.e, env));
      case "boolCast": return this.cond(e.c, env) ? 1n : 0n;
      case "arith": {
        const t = arithmeticType(typeOf(e.l), typeOf(e.r));
        const a = wrap(t, this.expr(e.l, env));
        const b = wrap(t, this.expr(e.r, env));
        switch (e.op) {
          case "+": return wrap(t, a + b);
          case "-": return wrap(t, a - b);
          case "*": return wrap(t, a * b);
          case "&": return wrap(t, a & b);
          case "|": return wrap(t, a | b);
          case "^": return wrap(t, a ^ b);
        }
        break;
      }
      case "shift": {
        const t = promote(typeOf(e.l));
        const a = wrap(t, this.expr(e.l, env));
        const n = BigInt.asUintN(32, this.expr(e.r, env)) & 31n;
        if (e.op === "<<") return wrap(t, a << n);
        if (e.op === ">>") return wrap(t, a >> n); // a is in t's range: arithmetic for signed, logical for unsigned
        return wrap(t, BigInt.asUintN(32, a) >> n);
      }
      case "divConst": {
        const t = arithmeticType(typeOf(e.l), typeOf(e.r));
        const a = wrap(t, this.expr(e.l, env));
        const b = wrap(t, this.expr(e.r, env));
        if (b === 0n) throw new Error("generator produced a zero divisor");
        return wrap(t, e.op === "/" ? a / b : a % b); // BigInt division truncates toward zero
      }
      case "unary": {
        const t = promote(typeOf(e.e));
        const a = wrap(t, this.expr(e.e, env));
        return wrap(t, e.op === "-" ? -a : ~a);
      }
      case "ternary": return this.cond(e.c, env) ? this.expr(e.a, env) : this.expr(e.b, env);
      case "call": return this.call(e.fn, e.args.map((a) => this.expr(a, env)));
      case "index": return this.arrays.get(e.arr)!.values[this.slot(e.idx, env)]!;
      case "rotate": {
        const x = BigInt.asUintN(32, this.expr({ k: "var", t: e.t, name: e.x }, env));
        const [l, r] = [BigInt.asUintN(32, x << BigInt(e.count)), x >> BigInt(32 - e.count)];
        return wrap(e.t, e.op === "|" ? l | r : e.op === "+" ? l + r : l ^ r);
      }
      case "rotateBy": {
        // Left to right: the shl reads n before the assignment, the sub after it.
        const x = BigInt.asUintN(32, this.expr({ k: "var", t: e.t, name: e.x }, env));
        const n0 = this.expr({ k: "var", t: e.nt, name: e.n }, env);
        const l = BigInt.asUintN(32, x << (BigInt.asUintN(32, n0) & 31n));
        let n1 = n0;
        if (e.bump !== 0) {
          n1 = wrap(e.nt, n0 + BigInt(e.bump));
          if (env.has(e.n)) env.set(e.n, n1);
          else this.globals.set(e.n, n1);
        }
        // (x, read before the assignment, keeps its value even when n is x)
        const r = x >> (BigInt.asUintN(32, 32n - n1) & 31n);
        return wrap(e.t, l | r);
      }
    }
  }

  /** i32(idx) & (ARRAY_LENGTH - 1) */
  private slot(idx: Expr, env: Env): number {
    return Number(wrap("i32", this.expr(idx, env)) & BigInt(ARRAY_LENGTH - 1));
  }

  cond(c: Cond, env: Env): boolean {
    switch (c.k) {
      case "cmp": {
        const t = arithmeticType(typeOf(c.l), typeOf(c.r));
        const a = wrap(t, this.expr(c.l, env));
        const b = wrap(t, this.expr(c.r, env));
        switch (c.op) {
          case "<": return a < b;
          case "<=": return a <= b;
          case ">": return a > b;
          case ">=": return a >= b;
          case "==": return a === b;
          case "!=": return a !== b;
        }
        break;
      }
      case "not": return !this.cond(c.c, env);
      case "logic": return c.op === "&&" ? this.cond(c.l, env) && this.cond(c.r, env) : this.cond(c.l, env) || this.cond(c.r, env);
    }
  }

  private stmts(ss: Stmt[], env: Env, types: Map<string, IntT>): void {
    for (const s of ss) {
      switch (s.k) {
        case "let":
          types.set(s.name, s.t);
          env.set(s.name, wrap(s.t, this.expr(s.init, env)));
          break;
        case "assign":
          this.write(s.name, this.expr(s.e, env), env, types);
          break;
        case "compound": {
          const t = types.get(s.name) ?? this.globalTypes.get(s.name)!;
          const rhs: Expr = { k: "arith", op: s.op, l: { k: "var", t, name: s.name }, r: s.e };
          this.write(s.name, this.expr(rhs, env), env, types);
          break;
        }
        case "scan": {
          const arr = this.arrays.get(s.arr)!;
          const accT = s.accT;
          const bound = typeof s.bound === "number" ? BigInt(s.bound) : (wrap("i32", this.expr(s.bound, env)) & BigInt(ARRAY_LENGTH - 1)) - BigInt(s.offset);
          types.set(s.counter, "i32");
          let c = BigInt(s.start);
          for (; c < bound; c += BigInt(s.step)) {
            const element: Expr = { k: "lit", t: arr.t, v: arr.values[Number(c) + s.offset]! };
            this.write(s.acc, this.expr({ k: "arith", op: s.op, l: { k: "var", t: accT, name: s.acc }, r: element }, env), env, types);
          }
          env.set(s.counter, c);
          if (s.keep) this.write(s.acc, this.expr({ k: "arith", op: "+", l: { k: "var", t: accT, name: s.acc }, r: { k: "var", t: "i32", name: s.counter } }, env), env, types);
          break;
        }
        case "store": {
          // Left to right: the index, then the value.
          const a = this.arrays.get(s.arr)!;
          const i = this.slot(s.idx, env);
          a.values[i] = wrap(a.t, this.expr(s.e, env));
          break;
        }
        case "if":
          this.stmts(this.cond(s.c, env) ? s.then : s.else, env, types);
          break;
        case "loop":
          types.set(s.counter, "i32");
          env.set(s.counter, 0n);
          while (env.get(s.counter)! < BigInt(s.count)) {
            this.stmts(s.body, env, types);
            env.set(s.counter, env.get(s.counter)! + 1n);
          }
          break;
        case "return":
          throw new Return(this.expr(s.e, env));
      }
    }
  }

  call(name: string, args: bigint[]): bigint {
    const [a, b] = args as [bigint, bigint];
    switch (name) {
      case "sdiv": case "srem": {
        const x = wrap("i32", a), y = wrap("i32", b);
        if (y === 0n || (x === -0x80000000n && y === -1n)) return x;
        return name === "sdiv" ? x / y : x % y;
      }
      case "udiv": case "urem": {
        const x = wrap("u32", a), y = wrap("u32", b);
        if (y === 0n) return x;
        return name === "udiv" ? x / y : x % y;
      }
    }
    const f = this.funcs.get(name);
    if (!f) throw new Error(`no function ${name}`);
    const env: Env = new Map();
    const types = new Map<string, IntT>();
    f.params.forEach((p, i) => {
      env.set(p.name, wrap(p.t, args[i]!));
      types.set(p.name, p.t);
    });
    try {
      this.stmts(f.body, env, types);
    } catch (r) {
      if (r instanceof Return) return wrap(f.ret, r.value);
      throw r;
    }
    throw new Error(`${name} did not return`);
  }
}

/** The lines the compiled program must print. */
export function expectedOutput(p: Program): string[] {
  const ev = new Evaluator(p);
  return p.outputs.map((e) => String(wrap("i32", ev.expr(e, new Map()))));
}
