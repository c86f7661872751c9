// The IR optimiser, pass by pass, on hand-built functions: the IR text it prints
// shows what each pass did, and the IR interpreter (compiler/ir-interpreter.ts)
// confirms the program computes the same before and after.

import { expect } from "chai";
import type { IrFunction, IrModule } from "../../../compiler/ir.js";
import { interpret } from "../../../compiler/ir-interpreter.js";
import { formatFunction } from "../../../compiler/ir-text.js";
import { optimizeFunction, optimizeModule } from "../../../compiler/opt/pipeline.js";
import { c, FnBuilder, s, t } from "./harness.js";

/** main() returns f(args); the exit status must not change under optimisation. */
function sameResult(f: IrFunction, args: number[]): number {
  const main = new FnBuilder("main", 0, { exported: true });
  const r = main.call(f.name, args.map(c), f.conv);
  main.end({ op: "return", value: r });
  const module = (fn: IrFunction): IrModule => ({
    functions: [main.build(), fn],
    data: [{ name: "arr", section: "bss", align: 4, size: 32, bytes: new Uint8Array(0), relocations: [], exported: false }],
    externs: ["__ts386_bounds_fail"],
  });
  const before = interpret(module(f));
  const after = interpret(module(optimizeFunction(f)));
  expect(after).to.deep.equal(before);
  return before.status!;
}

/** for (i = 0; i < 8; i++) sum += arr[i] with the check `i ult LIMIT` before each access. */
function countedLoop(limit: number): IrFunction {
  const f = new FnBuilder("sum", 0);
  const i = f.temp(), sum = f.temp();
  f.copy(i, c(0)); f.copy(sum, c(0));
  f.end({ op: "jump", target: 1 }, 1);
  f.end({ op: "branchCompare", cond: "lt", left: t(i), right: c(8), ifTrue: 2, ifFalse: 4 }, 2);
  f.end({ op: "branchCompare", cond: "ult", left: t(i), right: c(limit), ifTrue: 3, ifFalse: 5 }, 3);
  const v = f.temp();
  f.add({ op: "load", dst: v, width: 4, signed: false, address: f.bin("add", s("arr"), f.bin("shl", t(i), c(2))), offset: 0 });
  f.bin("add", t(sum), t(v), sum);
  f.bin("add", t(i), c(1), i);
  f.end({ op: "jump", target: 1 }, 4);
  f.end({ op: "return", value: t(sum) }, 5);
  f.call("__ts386_bounds_fail", [s("arr"), c(0)], "cdecl", undefined);
  f.end({ op: "unreachable" });
  return f.build();
}

describe("IR optimiser", function () {
  it("range analysis removes a bounds check a counted loop satisfies, and keeps one it does not", function () {
    const proven = optimizeFunction(countedLoop(8));
    expect(formatFunction(proven)).to.not.match(/ult/);
    expect(formatFunction(proven)).to.not.match(/__ts386_bounds_fail/);
    const kept = formatFunction(optimizeFunction(countedLoop(7)));
    expect(kept).to.match(/if\.ult %0, 7/);
    sameResult(countedLoop(8), []);
    expect(sameResult(countedLoop(7), [])).to.equal(134); // i = 7 fails the check
  });

  it("folds constants across blocks but never a division that traps", function () {
    const f = new FnBuilder("k", 1);
    const a = f.temp(), b = f.temp();
    f.copy(a, c(6));
    f.end({ op: "branchCompare", cond: "gt", left: f.param(0), right: c(0), ifTrue: 1, ifFalse: 2 }, 1);
    f.copy(b, c(7));
    f.end({ op: "jump", target: 3 }, 2);
    f.copy(b, c(7));
    f.end({ op: "jump", target: 3 }, 3);
    const m = f.bin("mul", t(a), t(b));
    const z = f.bin("divs", c(1), c(0));
    const w = f.bin("divs", c(-2147483648), c(-1));
    f.end({ op: "return", value: f.bin("add", f.bin("add", m, z), w) });
    const text = formatFunction(optimizeFunction(f.build()));
    expect(text).to.match(/divs 1, 0/);
    expect(text).to.match(/divs -2147483648, -1/);
    expect(text).to.match(/add 42, %\d+|add %\d+, 42/);
    expect(text).to.not.match(/mul/);
  });

  it("removes dead arithmetic but keeps loads, stores and calls", function () {
    const f = new FnBuilder("d", 1, { returnsValue: false });
    f.bin("mul", f.param(0), c(3));
    const l = f.temp();
    f.add({ op: "load", dst: l, width: 1, signed: false, address: s("arr"), offset: 3 });
    f.add({ op: "store", width: 4, address: s("arr"), offset: 0, value: c(1) });
    f.call("d", [c(0)], "internal");
    f.end({ op: "return" });
    const text = formatFunction(optimizeFunction(f.build()));
    expect(text).to.not.match(/mul/);
    expect(text).to.match(/load\.u8 \[\$arr\+3\]/);
    expect(text).to.match(/store\.32 \[\$arr\], 1/);
    expect(text).to.match(/call internal \$d\(0\)/);
    expect(text).to.not.match(/= call/); // the unused result is dropped
  });

  it("coalesces temp + copy assignments, eliminates common subexpressions and repeated checks", function () {
    const f = new FnBuilder("cse", 2);
    const x = f.bin("add", f.param(0), f.param(1));
    const y = f.bin("add", f.param(0), f.param(1));
    const n = f.temp();
    f.copy(n, f.bin("mul", x, y));
    f.end({ op: "branchCompare", cond: "ult", left: f.param(0), right: c(100), ifTrue: 1, ifFalse: 3 }, 1);
    const tmp = f.bin("add", t(n), c(1));
    f.copy(n, tmp);
    f.end({ op: "branchCompare", cond: "ult", left: f.param(0), right: c(100), ifTrue: 2, ifFalse: 3 }, 2);
    f.end({ op: "return", value: t(n) }, 3);
    f.end({ op: "return", value: c(-1) });
    const opt = optimizeFunction(f.build());
    const text = formatFunction(opt);
    expect(text.match(/= add %0, %1/g)?.length).to.equal(1);
    expect(text.match(/if\.ult/g)?.length).to.equal(1);
    expect(text).to.match(/%3 = add %3, 1|%\d+ = add %\d+, 1/);
    expect(text).to.not.match(/copy %\d+\n.*copy/);
    expect(sameResult(f.build(), [3, 4])).to.equal((7 * 7 + 1) & 255);
    expect(sameResult(f.build(), [300, 4])).to.equal(255);
  });

  it("propagates a constant every call passes into the callee, unless its address escapes", function () {
    // Big enough not to be inlined: 17 operations.
    const callee = new FnBuilder("scale", 2);
    let acc = callee.bin("mul", callee.param(0), callee.param(1));
    for (let k = 0; k < 16; k++) acc = callee.bin("add", acc, c(k));
    callee.end({ op: "return", value: acc });
    const main = new FnBuilder("main", 0, { exported: true });
    const a = main.call("scale", [c(3), c(10)], "internal");
    const b = main.call("scale", [c(4), c(10)], "internal");
    main.end({ op: "return", value: main.bin("add", a, b) });
    const m: IrModule = { functions: [main.build(), callee.build()], data: [], externs: [] };
    const opt = optimizeModule(m);
    const scale = formatFunction(opt.functions[1]!);
    expect(scale).to.match(/mul %0, 10/); // the second parameter is always 10; the first varies
    expect(interpret(opt)).to.deep.equal(interpret(m));
    // Taking the function's address keeps its parameters unknown.
    const taken = new FnBuilder("main", 0, { exported: true });
    const fp = taken.temp();
    taken.copy(fp, s("scale"));
    taken.end({ op: "return", value: taken.call("scale", [c(3), c(10)], "internal") });
    const kept = optimizeModule({ functions: [taken.build(), callee.build()], data: [], externs: [] });
    expect(formatFunction(kept.functions[1]!)).to.match(/mul %0, %1/);
  });

  it("inlines small leaf functions (multi-block ones too) and drops them when nothing else refers to them", function () {
    const clamp = new FnBuilder("clamp", 2);
    clamp.end({ op: "branchCompare", cond: "gt", left: clamp.param(0), right: clamp.param(1), ifTrue: 1, ifFalse: 2 }, 1);
    clamp.end({ op: "return", value: clamp.param(1) }, 2);
    clamp.end({ op: "return", value: clamp.param(0) });
    const main = new FnBuilder("main", 0, { exported: true });
    const x = main.temp();
    main.add({ op: "load", dst: x, width: 1, signed: false, address: s("arr"), offset: 0 });
    const a = main.call("clamp", [t(x), c(100)], "internal");
    const b = main.call("clamp", [main.bin("add", t(x), c(300)), c(200)], "internal");
    main.end({ op: "return", value: main.bin("add", a, b) });
    const m: IrModule = {
      functions: [main.build(), clamp.build()],
      data: [{ name: "arr", section: "data", align: 4, size: 4, bytes: Uint8Array.from([150, 0, 0, 0]), relocations: [], exported: false }],
      externs: [],
    };
    const opt = optimizeModule(m);
    expect(opt.functions.map((f) => f.name)).to.deep.equal(["main"]);
    expect(formatFunction(opt.functions[0]!)).to.not.match(/call/);
    expect(interpret(opt)).to.deep.equal(interpret(m));
    expect(interpret(opt).status).to.equal((100 + 200) & 255);
  });

  it("hoists loop-invariant arithmetic out of loops (and keeps what the loop changes inside)", function () {
    // for (i = 0; i < 8; i++) sum += p * 48 + i
    const f = new FnBuilder("inv", 1);
    const i = f.temp(), sum = f.temp();
    f.copy(i, c(0)); f.copy(sum, c(0));
    f.end({ op: "jump", target: 1 }, 1);
    f.end({ op: "branchCompare", cond: "lt", left: t(i), right: c(8), ifTrue: 2, ifFalse: 3 }, 2);
    const scaled = f.bin("mul", f.param(0), c(48));
    f.bin("add", t(sum), f.bin("add", scaled, t(i)), sum);
    f.bin("add", t(i), c(1), i);
    f.end({ op: "jump", target: 1 }, 3);
    f.end({ op: "return", value: t(sum) });
    const opt = optimizeFunction(f.build());
    const loopBlocks = opt.blocks.filter((b) => b.term.op === "branchCompare" && (b.term.ifTrue === b.id || b.term.ifFalse === b.id));
    expect(loopBlocks.length).to.equal(1);
    const loopText = formatFunction({ ...opt, blocks: loopBlocks });
    expect(loopText).to.not.match(/mul/);
    expect(loopText).to.match(/add %\d+, 1/);
    expect(formatFunction(opt)).to.match(/mul %0, 48/);
    expect(sameResult(f.build(), [3])).to.equal((8 * 144 + 28) & 255);
  });

  it("rotates loops: the back edge ends in the loop test", function () {
    const f = countedLoop(8);
    const text = formatFunction(optimizeFunction(f));
    const blocks = text.split(/\n@\d+:\n/);
    // Some block both adds 1 to the counter and branches back on `lt ..., 8`.
    expect(blocks.some((b) => /add %\d+, 1/.test(b) && /if\.lt %\d+, 8/.test(b))).to.equal(true);
  });
});
