// Back-end tests: hand-built IR functions compiled (with and without the IR
// optimiser), assembled by nasm, linked by GNU ld with the Linux runtime and run
// natively; their printed results are compared with values computed here in JS.

import { expect } from "chai";
import type { BinaryOp, Condition, IrData, IrFunction, IrModule, Value } from "../../../compiler/ir.js";
import { optimizeModule } from "../../../compiler/opt/pipeline.js";
import { requireTool } from "../../tools.js";
import { c, FnBuilder, runModule, s, t } from "./harness.js";
import { PRINT_BUFFER, printFunction } from "./print.js";

/** Builds main() from `body` (which returns main's exit value), links print_i32, runs raw and optimised. */
function runBoth(body: (f: FnBuilder, print: (v: Value) => void) => Value, extra: IrFunction[] = [], data: IrData[] = []): { status: number; lines: string[]; asm: string } {
  const f = new FnBuilder("main", 0, { exported: true });
  const print = (v: Value): void => void f.call("print_i32", [v], "internal", undefined);
  const result = body(f, print);
  f.end({ op: "return", value: result });
  const module: IrModule = { functions: [f.build(), printFunction(), ...extra], data: [PRINT_BUFFER, ...data], externs: ["sys_write"] };
  const raw = runModule(module);
  const opt = runModule(optimizeModule(module));
  expect(opt.stdout, "optimised output").to.equal(raw.stdout);
  expect(opt.status, "optimised status").to.equal(raw.status);
  return { status: raw.status, lines: raw.stdout.split("\n").slice(0, -1), asm: opt.asm };
}

const i32 = (x: number): number => x | 0;
const u32 = (x: number): number => x >>> 0;
const JS_BINARY: Record<BinaryOp, (a: number, b: number) => number> = {
  add: (a, b) => i32(a + b), sub: (a, b) => i32(a - b), mul: (a, b) => Math.imul(a, b),
  divs: (a, b) => i32(a / b), divu: (a, b) => i32(Math.floor(u32(a) / u32(b))),
  rems: (a, b) => i32(a % b), remu: (a, b) => i32(u32(a) % u32(b)),
  and: (a, b) => a & b, or: (a, b) => a | b, xor: (a, b) => a ^ b,
  shl: (a, b) => a << (b & 31), shr: (a, b) => i32(a >>> (b & 31)), sar: (a, b) => a >> (b & 31),
};
const JS_COMPARE: Record<Condition, (a: number, b: number) => boolean> = {
  eq: (a, b) => a === b, ne: (a, b) => a !== b, lt: (a, b) => a < b, le: (a, b) => a <= b, gt: (a, b) => a > b, ge: (a, b) => a >= b,
  ult: (a, b) => u32(a) < u32(b), ule: (a, b) => u32(a) <= u32(b), ugt: (a, b) => u32(a) > u32(b), uge: (a, b) => u32(a) >= u32(b),
};

/** An internal function `name(a, b) = a op b`, so operands are not constants at the operation. */
function binaryFunction(name: string, kind: BinaryOp, conv: "internal" | "cdecl" = "internal"): IrFunction {
  const f = new FnBuilder(name, 2, { conv });
  const r = f.bin(kind, f.param(0), f.param(1));
  f.end({ op: "return", value: r });
  return f.build();
}

describe("x86 back end (hand-built IR, run natively)", function () {
  before(function () {
    requireTool(this, "nasm", "i686-linux-gnu-ld");
  });

  it("prints numbers and returns main's value as the exit status", function () {
    const r = runBoth((_f, print) => {
      print(c(0)); print(c(42)); print(c(-7)); print(c(2147483647)); print(c(-2147483648));
      return c(3);
    });
    expect(r.lines).to.deep.equal(["0", "42", "-7", "2147483647", "-2147483648"]);
    expect(r.status).to.equal(3);
  });

  it("computes every binary operation on variable and constant operands", function () {
    const kinds = Object.keys(JS_BINARY) as BinaryOp[];
    const pairs: [number, number][] = [[7, 3], [-7, 3], [100, -9], [-2147483648, 3], [0x7fffffff, 0x10], [-1, 31], [12345, 33], [-100000, 7], [1 << 30, 4]];
    const consts = [1, 2, 3, 4, 5, 8, 9, 10, 16, 31, 32, 7, -1];
    const expected: number[] = [];
    const r = runBoth((f, print) => {
      for (const k of kinds) {
        for (const [a, b] of pairs) {
          print(f.call(`op_${k}`, [c(a), c(b)], "internal"));
          expected.push(JS_BINARY[k](a, b));
        }
        // Constant right operands reach strength reduction (lea, shifts, pow2 division).
        for (const b of consts) {
          if ((k === "divs" || k === "rems") && b === -1) continue;
          for (const a of [1000003, -1000003, -8, 255]) {
            const x = f.call("identity", [c(a)], "internal");
            print(f.bin(k, x, c(b)));
            expected.push(JS_BINARY[k](a, b));
          }
        }
      }
      return c(0);
    }, [...kinds.map((k) => binaryFunction(`op_${k}`, k)), identity()]);
    expect(r.lines.map(Number)).to.deep.equal(expected);
  });

  it("compares signed and unsigned, as values and as branches", function () {
    const conds = Object.keys(JS_COMPARE) as Condition[];
    const pairs: [number, number][] = [[1, 2], [2, 1], [5, 5], [-1, 1], [1, -1], [-2147483648, 2147483647]];
    const expected: number[] = [];
    const extra: IrFunction[] = [identity()];
    const r = runBoth((f, print) => {
      for (const cond of conds) {
        for (const [a, b] of pairs) {
          const x = f.call("identity", [c(a)], "internal");
          const y = f.call("identity", [c(b)], "internal");
          const d = f.temp();
          f.add({ op: "compare", dst: d, cond, left: x, right: y });
          print(t(d));
          expected.push(JS_COMPARE[cond](a, b) ? 1 : 0);
          // The same comparison as a branch (against a constant too).
          const fn = `branch_${cond}`;
          if (!extra.some((e) => e.name === fn)) extra.push(branchFunction(fn, cond));
          print(f.call(fn, [x, y], "internal"));
          expected.push(JS_COMPARE[cond](a, b) ? 100 : 200);
        }
      }
      return c(0);
    }, extra);
    expect(r.lines.map(Number)).to.deep.equal(expected);
  });

  it("keeps values live across calls in callee-saved registers", function () {
    // s = sum over i < 50 of (i * 3 + g(i)) with a, b, c, d live across every call.
    const g = new FnBuilder("g", 1);
    g.end({ op: "return", value: g.bin("xor", g.param(0), c(0x55)) });
    let expected = 0;
    for (let i = 0; i < 50; i++) expected = i32(expected + i * 3 + (i ^ 0x55) + 11 + 22 + 33 + 44);
    const r = runBoth((f, print) => {
      const i = f.temp(), sum = f.temp(), a = f.temp(), b = f.temp(), cc = f.temp(), d = f.temp();
      f.copy(i, c(0)); f.copy(sum, c(0));
      f.copy(a, f.call("identity", [c(11)], "internal").kind === "temp" ? c(11) : c(11));
      f.copy(b, c(22)); f.copy(cc, c(33)); f.copy(d, c(44));
      f.end({ op: "jump", target: 1 }, 1);
      f.end({ op: "branchCompare", cond: "lt", left: t(i), right: c(50), ifTrue: 2, ifFalse: 3 }, 2);
      const gi = f.call("g", [t(i)], "internal");
      const i3 = f.bin("mul", t(i), c(3));
      f.bin("add", t(sum), i3, sum); f.bin("add", t(sum), gi, sum);
      f.bin("add", t(sum), t(a), sum); f.bin("add", t(sum), t(b), sum); f.bin("add", t(sum), t(cc), sum); f.bin("add", t(sum), t(d), sum);
      f.bin("add", t(i), c(1), i);
      f.end({ op: "jump", target: 1 }, 3);
      print(t(sum));
      return c(0);
    }, [g.build(), identity()]);
    expect(r.lines.map(Number)).to.deep.equal([expected]);
  });

  it("spills under register pressure (24 values live at once)", function () {
    const n = 24;
    const vals = Array.from({ length: n }, (_, k) => k * 7919 + 13);
    let expected = 0;
    for (let k = 0; k < n; k++) expected = i32(Math.imul(expected, 31) + i32(vals[k]! * (k + 1)) + i32(vals[(k + 5) % n]! - vals[k]!));
    const r = runBoth((f, print) => {
      const temps = vals.map((v) => f.call("identity", [c(v)], "internal"));
      let acc: Value = c(0);
      temps.forEach((x, k) => {
        const scaled = f.bin("mul", x, f.call("identity", [c(k + 1)], "internal"));
        const diff = f.bin("sub", temps[(k + 5) % n]!, x);
        acc = f.bin("add", f.bin("add", f.bin("mul", acc, c(31)), scaled), diff);
      });
      print(acc);
      return c(0);
    }, [identity()]);
    expect(r.lines.map(Number)).to.deep.equal([expected]);
    expect(r.asm).to.match(/\[esp\+\d+\]/); // spill slots were needed
  });

  it("meets fixed-register constraints: division and variable shifts with many live values", function () {
    const a = [1000, -77777, 123456789, -5, 99, 31, 64];
    let expected = 0;
    for (let k = 0; k < a.length; k++) {
      const x = a[k]!, y = a[(k + 1) % a.length]!;
      expected = i32(expected + i32(x / (y | 1)) + (x % 13) + (x << (y & 31)) + (x >> (k + y)) + i32(u32(x) >>> y) + i32(Math.floor(u32(x) / 7)));
    }
    const r = runBoth((f, print) => {
      const xs = a.map((v) => f.call("identity", [c(v)], "internal"));
      let acc: Value = c(0);
      xs.forEach((x, k) => {
        const y = xs[(k + 1) % xs.length]!;
        const q = f.bin("divs", x, f.bin("or", y, c(1)));
        const rm = f.bin("rems", x, f.call("identity", [c(13)], "internal"));
        const sl = f.bin("shl", x, y);
        const sr = f.bin("sar", x, f.bin("add", y, c(k)));
        const ur = f.bin("shr", x, y);
        const ud = f.bin("divu", x, f.call("identity", [c(7)], "internal"));
        acc = f.bin("add", acc, f.bin("add", f.bin("add", q, rm), f.bin("add", f.bin("add", sl, sr), f.bin("add", ur, ud))));
      });
      print(acc);
      return c(0);
    }, [identity()]);
    expect(r.lines.map(Number)).to.deep.equal([expected]);
  });

  it("dispatches a dense switch through a jump table", function () {
    const sw = new FnBuilder("classify", 1);
    sw.end({ op: "switch", value: sw.param(0), low: 3, targets: [1, 2, 3, 1, 2], otherwise: 4 }, 1);
    sw.end({ op: "return", value: c(10) }, 2);
    sw.end({ op: "return", value: c(20) }, 3);
    const x = sw.bin("mul", sw.param(0), c(100));
    sw.end({ op: "return", value: x }, 4);
    sw.end({ op: "return", value: c(-1) });
    const map = (v: number): number => ([10, 20, v * 100, 10, 20][v - 3] ?? -1);
    const inputs = [-5, 0, 2, 3, 4, 5, 6, 7, 8, 1000, -2147483648];
    const r = runBoth((f, print) => {
      for (const v of inputs) print(f.call("classify", [f.call("identity", [c(v)], "internal")], "internal"));
      return c(0);
    }, [sw.build(), identity()]);
    expect(r.lines.map(Number)).to.deep.equal(inputs.map(map));
    expect(r.asm).to.match(/jmp (dword )?\[e\w\w\*4\+\w+\.jt0\]/);
  });

  it("recurses (fib 20) and passes more than three arguments (internal and cdecl)", function () {
    const fib = new FnBuilder("fib", 1);
    fib.end({ op: "branchCompare", cond: "lt", left: fib.param(0), right: c(2), ifTrue: 1, ifFalse: 2 }, 1);
    fib.end({ op: "return", value: fib.param(0) }, 2);
    const a = fib.call("fib", [fib.bin("sub", fib.param(0), c(1))], "internal");
    const b = fib.call("fib", [fib.bin("sub", fib.param(0), c(2))], "internal");
    fib.end({ op: "return", value: fib.bin("add", a, b) });
    const many = (name: string, conv: "internal" | "cdecl"): IrFunction => {
      const m = new FnBuilder(name, 6, { conv });
      let acc: Value = m.param(0);
      for (let k = 1; k < 6; k++) acc = m.bin("add", m.bin("mul", acc, c(10)), m.param(k));
      m.end({ op: "return", value: acc });
      return m.build();
    };
    const r = runBoth((f, print) => {
      print(f.call("fib", [c(20)], "internal"));
      print(f.call("many_internal", [c(1), c(2), c(3), c(4), c(5), c(6)], "internal"));
      print(f.call("many_cdecl", [c(6), c(5), c(4), c(3), c(2), c(1)], "cdecl"));
      // Indirect (cdecl) call through a register.
      const fp = f.temp();
      f.copy(fp, s("many_cdecl"));
      const d = f.temp();
      f.add({ op: "call", dst: d, callee: t(fp), args: [c(9), c(8), c(7), c(6), c(5), c(4)], conv: "cdecl" });
      print(t(d));
      return c(0);
    }, [fib.build(), many("many_internal", "internal"), many("many_cdecl", "cdecl")]);
    expect(r.lines.map(Number)).to.deep.equal([6765, 123456, 654321, 987654]);
  });

  it("loads and stores every width, signed and unsigned, with folded addresses", function () {
    const table: IrData = { name: "table", section: "data", align: 4, size: 64, bytes: new Uint8Array(64), relocations: [], exported: false };
    const ro: IrData = {
      name: "ro", section: "rodata", align: 4, size: 8, bytes: Uint8Array.from([0xff, 0x80, 0x01, 0x7f, 0, 0, 0, 0]),
      relocations: [{ offset: 4, symbol: "table", addend: 8 }], exported: false,
    };
    const r = runBoth((f, print) => {
      // table[i] = i * i - 50 for i < 16, as 32-bit words: address table + i*4.
      const i = f.temp();
      f.copy(i, c(0));
      f.end({ op: "jump", target: 1 }, 1);
      const off = f.bin("shl", t(i), c(2));
      const addr = f.bin("add", s("table"), off);
      f.add({ op: "store", width: 4, address: addr, offset: 0, value: f.bin("sub", f.bin("mul", t(i), t(i)), c(50)) });
      f.bin("add", t(i), c(1), i);
      f.end({ op: "branchCompare", cond: "lt", left: t(i), right: c(16), ifTrue: 1, ifFalse: 2 }, 2);
      for (const k of [0, 3, 15]) {
        const d = f.temp();
        const kk = f.call("identity", [c(k)], "internal");
        const ad = f.bin("add", s("table"), f.bin("mul", kk, c(4)));
        f.add({ op: "load", dst: d, width: 4, signed: false, address: ad, offset: 0 });
        print(t(d));
      }
      for (const [w, signed, off] of [[1, true, 0], [1, false, 0], [1, true, 1], [1, false, 1], [2, true, 0], [2, false, 0], [2, true, 2], [4, true, 0]] as const) {
        const d = f.temp();
        f.add({ op: "load", dst: d, width: w, signed, address: s("ro"), offset: off });
        print(t(d));
      }
      // Pointer stored in rodata: ro+4 holds &table + 8, i.e. &table[2].
      const p = f.temp();
      f.add({ op: "load", dst: p, width: 4, signed: false, address: s("ro"), offset: 4 });
      const v = f.temp();
      f.add({ op: "load", dst: v, width: 4, signed: false, address: t(p), offset: 0 });
      print(t(v));
      // Byte and halfword stores truncate.
      const x = f.call("identity", [c(0x12345678)], "internal");
      f.add({ op: "store", width: 1, address: s("table"), offset: 0, value: x });
      f.add({ op: "store", width: 2, address: s("table"), offset: 2, value: f.bin("add", x, c(1)) });
      const w = f.temp();
      f.add({ op: "load", dst: w, width: 4, signed: false, address: s("table"), offset: 0 });
      print(t(w));
      // extend (casts).
      for (const [width, signed] of [[1, true], [1, false], [2, true], [2, false]] as const) {
        const e = f.temp();
        f.add({ op: "extend", dst: e, src: f.call("identity", [c(0x1234ff80)], "internal"), width, signed });
        print(t(e));
      }
      return c(0);
    }, [identity()], [table, ro]);
    const u = (x: number): number => i32(x);
    expect(r.lines.map(Number)).to.deep.equal([
      -50, 9 - 50, 225 - 50,
      -1, 255, -128, 128, -32513, 0x80ff, 0x7f01, u(0x7f0180ff),
      4 - 50,
      u(0x5679ff78),
      -128, 128, -128, 0xff80,
    ]);
  });

  it("leaf functions get no frame (internal convention: arguments arrive in eax, edx, ecx)", function () {
    // Too big to inline (17 operations), so it stays a function of its own.
    const f = new FnBuilder("mix3", 3);
    let acc = f.bin("add", f.param(0), f.param(1));
    for (let k = 0; k < 16; k++) acc = f.bin(k % 2 ? "xor" : "add", acc, k % 3 === 0 ? f.param(2) : c(k * 7 + 1));
    f.end({ op: "return", value: acc });
    let expected = 5 + 6;
    for (let k = 0; k < 16; k++) expected = k % 2 ? expected ^ (k % 3 === 0 ? 7 : k * 7 + 1) : i32(expected + (k % 3 === 0 ? 7 : k * 7 + 1));
    const r = runBoth((m, print) => {
      print(m.call("mix3", [5, 6, 7].map((v) => m.call("identity", [c(v)], "internal")), "internal"));
      return c(0);
    }, [f.build(), identity()]);
    const body = r.asm.split("\nmix3:")[1]!.split(/\n\S/)[0]!;
    expect(body).to.not.match(/push|sub esp|\[esp/);
    expect(body).to.match(/add eax, edx/);
    expect(body).to.match(/, ecx/);
    expect(r.lines.map(Number)).to.deep.equal([expected]);
  });
});

function identity(): IrFunction {
  // An opaque identity, too big to inline (x ^ k ^ k, eight times): keeps operands from being constants.
  const f = new FnBuilder("identity", 1);
  let x = f.param(0);
  for (let k = 1; k <= 8; k++) x = f.bin("xor", f.bin("xor", x, c(k * 0x1111)), c(k * 0x1111));
  f.end({ op: "return", value: x });
  return f.build();
}

function branchFunction(name: string, cond: Condition): IrFunction {
  const f = new FnBuilder(name, 2);
  f.end({ op: "branchCompare", cond, left: f.param(0), right: f.param(1), ifTrue: 1, ifFalse: 2 }, 1);
  f.end({ op: "return", value: c(100) }, 2);
  f.end({ op: "return", value: c(200) });
  return f.build();
}
