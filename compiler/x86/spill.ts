// Spill code: a spilled virtual register lives in a stack slot. Where x86 allows a
// memory operand in its place (a move to or from it, the source of an ALU
// operation or compare, the operand of movzx/movsx) the slot is used directly;
// elsewhere a short-lived unspillable register is loaded before the instruction
// and stored back after it.

import { effects, frameWord, type MFunction, type MInstr, type MOperand, type Reg } from "./machine.js";
import { isThreeAddress, twoAddress } from "./three-address.js";
import { noteSpilledVariables } from "../debug/variable-homes.js";

const MEMORY_SOURCE_OPS = new Set(["add", "sub", "and", "or", "xor", "cmp", "imul", "mov", "movzx", "movsx"]);

export function insertSpillCode(fn: MFunction, spilled: Set<Reg>): void {
  const slots = new Map<Reg, number>();
  for (const r of spilled) slots.set(r, fn.spillSlots++);
  noteSpilledVariables(fn, slots);
  const slot = (r: Reg, size: 8 | 16 | 32 = 32): MOperand => frameWord("spill", slots.get(r)!, size);

  for (const b of fn.blocks) {
    const out: MInstr[] = [];
    // A three-address operation touching a spilled register goes back to its two-address
    // form first, whose source operand may then be the slot itself.
    const instrs = b.instrs.flatMap((ins) =>
      isThreeAddress(ins) && effects(ins).uses.concat(effects(ins).defs).some((r) => spilled.has(r)) ? twoAddress(ins) : [ins]);
    for (const ins of instrs) {
      const { defs, uses } = effects(ins);
      const touched = [...new Set([...defs, ...uses])].filter((r) => spilled.has(r));
      if (touched.length === 0) {
        out.push(ins);
        continue;
      }
      const [o0, o1] = ins.operands;
      // The spilled register is only a plain register operand in one position: use the slot there.
      if (touched.length === 1 && ins.operands.length === 2 && o0 && o1) {
        const r = touched[0]!;
        const isR = (o: MOperand): boolean => o.kind === "reg" && o.reg === r;
        const mentions = (o: MOperand): boolean =>
          (o.kind === "reg" && o.reg === r) || (o.kind === "mem" && (o.base === r || o.index === r));
        const implicit = (ins.implicitUses ?? []).includes(r) || (ins.implicitDefs ?? []).includes(r);
        if (!implicit) {
          // mov [slot], src  (src a register or a constant)
          if (ins.op === "mov" && isR(o0) && o0.kind === "reg" && o0.size === 32 && o1.kind !== "mem" && !mentions(o1)) {
            out.push({ ...ins, operands: [slot(r), o1] });
            continue;
          }
          // op reg, [slot]
          if (MEMORY_SOURCE_OPS.has(ins.op) && isR(o1) && o1.kind === "reg" && o0.kind === "reg" && !mentions(o0)) {
            out.push({ ...ins, operands: [o0, slot(r, o1.size)] });
            continue;
          }
          // cmp [slot], imm
          if (ins.op === "cmp" && isR(o0) && o0.kind === "reg" && o0.size === 32 && o1.kind === "imm") {
            out.push({ ...ins, operands: [slot(r), o1] });
            continue;
          }
        }
      }
      if (ins.op === "test" && touched.length === 1 && o0?.kind === "reg" && o1?.kind === "reg" && o0.reg === o1.reg) {
        out.push({ ...ins, op: "cmp", operands: [slot(o0.reg), { kind: "imm", value: 0 }] });
        continue;
      }
      // General case: reload into / store from a fresh register around the instruction.
      const rename = new Map<Reg, Reg>();
      for (const r of touched) {
        const n = fn.nextVreg++;
        fn.unspillable.add(n);
        if (fn.byteClass.has(r)) fn.byteClass.add(n);
        rename.set(r, n);
      }
      const copy = structuredClone(ins);
      const map = (r: Reg): Reg => rename.get(r) ?? r;
      for (const o of copy.operands) {
        if (o.kind === "reg") o.reg = map(o.reg);
        else if (o.kind === "mem") {
          if (o.base !== undefined) o.base = map(o.base);
          if (o.index !== undefined) o.index = map(o.index);
        }
      }
      if (copy.implicitUses) copy.implicitUses = copy.implicitUses.map(map);
      if (copy.implicitDefs) copy.implicitDefs = copy.implicitDefs.map(map);
      for (const r of touched) {
        if (uses.includes(r)) out.push({ op: "mov", operands: [{ kind: "reg", reg: rename.get(r)!, size: 32 }, slot(r)], pos: ins.pos });
      }
      out.push(copy);
      for (const r of touched) {
        if (defs.includes(r)) out.push({ op: "mov", operands: [slot(r), { kind: "reg", reg: rename.get(r)!, size: 32 }], pos: ins.pos });
      }
    }
    b.instrs = out;
  }
}
