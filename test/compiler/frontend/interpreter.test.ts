// The IR interpreter on hand-built modules: 32-bit semantics, traps as signals,
// data and relocations, the Linux runtime calls.

import { expect } from "chai";
import type { Block, Instr, IrFunction, IrModule, Terminator } from "../../../compiler/ir.js";
import { InterpreterError, interpret } from "../../../compiler/ir-interpreter.js";

function main(instrs: Instr[], term: Terminator, extra: Block[] = []): IrFunction {
  return { name: "main", exported: true, conv: "cdecl", params: [], returnsValue: true, blocks: [{ id: 0, instrs, term }, ...extra], tempCount: 8, tempNames: new Map() };
}

function module(fn: IrFunction, data: IrModule["data"] = []): IrModule {
  return { functions: [fn], data, externs: ["sys_write", "sys_exit", "__ts386_bounds_fail"] };
}

const c = (value: number) => ({ kind: "const" as const, value });
const t = (temp: number) => ({ kind: "temp" as const, temp });

describe("IR interpreter", () => {
  it("wraps 32-bit arithmetic and returns the exit status mod 256", () => {
    const r = interpret(module(main([{ op: "binary", dst: 0, kind: "add", left: c(0x7fffffff), right: c(0x102) }, { op: "binary", dst: 1, kind: "shr", left: t(0), right: c(36) }], { op: "return", value: t(1) })));
    expect(r.status).to.equal(0x08000010 & 0xff);
  });

  it("divides signed and unsigned, truncating toward zero", () => {
    const r = interpret(module(main([
      { op: "binary", dst: 0, kind: "divs", left: c(-7), right: c(2) },
      { op: "binary", dst: 1, kind: "remu", left: c(-1), right: c(10) },
      { op: "binary", dst: 2, kind: "mul", left: t(0), right: c(10) },
      { op: "binary", dst: 3, kind: "add", left: t(2), right: t(1) },
    ], { op: "return", value: t(3) })));
    expect(r.status).to.equal((-30 + 5) & 0xff);
  });

  it("traps INT_MIN / -1 and division by zero as SIGFPE", () => {
    expect(interpret(module(main([{ op: "binary", dst: 0, kind: "divs", left: c(-2147483648), right: c(-1) }], { op: "return", value: t(0) }))).signal).to.equal("SIGFPE");
    expect(interpret(module(main([{ op: "binary", dst: 0, kind: "remu", left: c(5), right: c(0) }], { op: "return", value: t(0) }))).signal).to.equal("SIGFPE");
  });

  it("extends narrow values and compares unsigned", () => {
    const r = interpret(module(main([
      { op: "extend", dst: 0, src: c(0x1ff), width: 1, signed: true },
      { op: "compare", dst: 1, cond: "ult", left: t(0), right: c(1) },
      { op: "binary", dst: 2, kind: "add", left: t(0), right: t(1) },
    ], { op: "return", value: t(2) })));
    expect(r.status).to.equal(0xff);
  });

  it("lays out data with alignment, applies relocations and writes through sys_write", () => {
    const text = new TextEncoder().encode("hi\n");
    const r = interpret(module(main([
      { op: "load", dst: 0, width: 4, signed: false, address: { kind: "symbol", name: "ptr", offset: 0 }, offset: 0 },
      { op: "call", dst: 1, callee: { kind: "symbol", name: "sys_write", offset: 0 }, args: [c(1), t(0), c(3)], conv: "cdecl" },
    ], { op: "return", value: t(1) }), [
      { name: "msg", section: "rodata", align: 1, size: 3, bytes: text, relocations: [], exported: false },
      { name: "ptr", section: "data", align: 4, size: 4, bytes: new Uint8Array(4), relocations: [{ offset: 0, symbol: "msg", addend: 0 }], exported: false },
    ]));
    expect(r.stdout).to.equal("hi\n");
    expect(r.status).to.equal(3);
  });

  it("dispatches switch terminators, with out-of-range values to otherwise", () => {
    const sw = (v: number) =>
      interpret(module(main([], { op: "switch", value: c(v), low: 10, targets: [1, 2], otherwise: 3 }, [
        { id: 1, instrs: [], term: { op: "return", value: c(1) } },
        { id: 2, instrs: [], term: { op: "return", value: c(2) } },
        { id: 3, instrs: [], term: { op: "return", value: c(3) } },
      ]))).status;
    expect([sw(10), sw(11), sw(12), sw(9)]).to.deep.equal([1, 2, 3, 3]);
  });

  it("ends on sys_exit, bounds failure (message on stderr, status 134) and bad addresses", () => {
    expect(interpret(module(main([{ op: "call", callee: { kind: "symbol", name: "sys_exit", offset: 0 }, args: [c(300)], conv: "cdecl" }], { op: "unreachable" }))).status).to.equal(44);
    const bounds = interpret(module(main([{ op: "call", callee: { kind: "symbol", name: "__ts386_bounds_fail", offset: 0 }, args: [{ kind: "symbol", name: "m", offset: 0 }, c(2)], conv: "cdecl" }], { op: "unreachable" }), [
      { name: "m", section: "rodata", align: 1, size: 2, bytes: new Uint8Array([111, 107]), relocations: [], exported: false },
    ]));
    expect(bounds).to.deep.include({ stderr: "ok\n", status: 134 });
    expect(interpret(module(main([{ op: "load", dst: 0, width: 4, signed: false, address: c(0), offset: 0 }], { op: "return", value: t(0) }))).signal).to.equal("SIGSEGV");
  });

  it("reports reaching 'unreachable' and endless loops as interpreter errors, not results", () => {
    expect(() => interpret(module(main([], { op: "unreachable" })))).to.throw(InterpreterError);
    expect(() => interpret(module(main([], { op: "jump", target: 0 })), { maxSteps: 1000 })).to.throw(InterpreterError, /gave up/);
    const spin = module(main([{ op: "copy", dst: 0, src: c(1) }], { op: "jump", target: 0 }));
    expect(() => interpret(spin, { maxSteps: 1000 })).to.throw(InterpreterError, /gave up/);
  });
});
