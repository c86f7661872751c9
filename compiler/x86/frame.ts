// Frame layout, prologue and epilogue, after register allocation.
//
// Frames are esp-relative (no frame pointer, so ebp is one more allocatable
// register) and esp does not move inside the body. From esp upwards:
//
//   [esp + 0]                  outgoing stack arguments (the largest call's)
//   [esp + 4*out]              spill slots
//   [esp + size]               callee-saved registers this function writes
//   [esp + size + 4*saved]     return address
//   [esp + size + 4*saved + 4] incoming stack arguments
//
// A leaf function that needs neither slots nor callee-saved registers gets no
// prologue or epilogue at all.

import { CALLEE_SAVED, effects, ESP, type MFunction, type MInstr, type MOperand, type Reg } from "./machine.js";

export function layoutFrame(fn: MFunction): void {
  const written = new Set<Reg>();
  for (const b of fn.blocks) for (const ins of b.instrs) for (const d of effects(ins).defs) written.add(d);
  const saved = CALLEE_SAVED.filter((r) => written.has(r));
  const size = 4 * (fn.outgoingWords + fn.spillSlots);
  const address = (area: "spill" | "incoming" | "outgoing", index: number): number => {
    switch (area) {
      case "outgoing": return 4 * index;
      case "spill": return 4 * (fn.outgoingWords + index);
      case "incoming": return size + 4 * saved.length + 4 + 4 * index;
    }
  };
  // pushed: bytes pushed so far in the block (arguments of a call that does not return, pushfd)
  const resolve = (o: MOperand, pushed: number): MOperand =>
    o.kind === "mem" && o.frame ? { kind: "mem", size: o.size, base: ESP, scale: 1, disp: address(o.frame.area, o.frame.index) + pushed } : o;

  const prologue: MInstr[] = saved.map((r) => ({ op: "push", operands: [{ kind: "reg", reg: r, size: 32 }], pos: fn.pos }));
  if (size > 0) prologue.push({ op: "sub", operands: [{ kind: "reg", reg: ESP, size: 32 }, { kind: "imm", value: size }], pos: fn.pos });

  fn.blocks.forEach((b, i) => {
    const out: MInstr[] = i === 0 ? [...prologue] : [];
    let pushed = 0;
    for (const ins of b.instrs) {
      if (ins.op === "entry") continue;
      const resolved: MInstr = { ...ins, operands: ins.operands.map((o) => resolve(o, pushed)) };
      if (ins.op === "push" || ins.op === "pushfd") pushed += 4;
      if (ins.op === "pop") pushed -= 4;
      if (ins.op === "ret") {
        if (size > 0) out.push({ op: "add", operands: [{ kind: "reg", reg: ESP, size: 32 }, { kind: "imm", value: size }], pos: ins.pos });
        for (const r of [...saved].reverse()) out.push({ op: "pop", operands: [{ kind: "reg", reg: r, size: 32 }], pos: ins.pos });
        out.push({ op: "ret", operands: [], pos: ins.pos });
        continue;
      }
      out.push(resolved);
    }
    b.instrs = out;
  });
}
