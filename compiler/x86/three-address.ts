// Commutative operations as three-address pseudo-instructions: instruction selection
// writes `d = a op b` (both registers) as `op d, a, b`, which reads a and b and then
// writes d, so the register allocator may give d the register of whichever operand dies
// there (both are copy preferences of d). After allocation each becomes the x86
// two-address form that needs no copy when it can: `op d, b` when d is a's register,
// `op d, a` when d is b's (the operation is commutative), else `mov d, a; op d, b`.
// (`crc = table[..] ^ (crc >>> 8)` is `shr eax, 8; xor eax, edx`, not two more moves.)

import type { MFunction, MInstr, Reg } from "./machine.js";

/** Commutative ALU operations that take the three-address form. */
export const COMMUTATIVE_ALU = new Set(["add", "and", "or", "xor", "imul"]);

/** `op d, a, b` over three registers (not `imul d, a, imm`, a real x86 form). */
export function isThreeAddress(ins: MInstr): boolean {
  return COMMUTATIVE_ALU.has(ins.op) && ins.operands.length === 3 && ins.operands.every((o) => o.kind === "reg");
}

/** The two-address x86 instructions for a three-address one (registers virtual or physical). */
export function twoAddress(ins: MInstr): MInstr[] {
  const [d, a, b] = ins.operands as Extract<MInstr["operands"][number], { kind: "reg" }>[];
  const reg = (r: Reg) => ({ kind: "reg" as const, reg: r, size: 32 as const });
  if (d!.reg === a!.reg) return [{ ...ins, operands: [reg(d!.reg), reg(b!.reg)] }];
  if (d!.reg === b!.reg) return [{ ...ins, operands: [reg(d!.reg), reg(a!.reg)] }];
  return [
    // (the copy comes first: it carries what debug info knows is live before the operation)
    { op: "mov", operands: [reg(d!.reg), reg(a!.reg)], pos: ins.pos, ...(ins.liveVariables ? { liveVariables: ins.liveVariables } : {}) },
    { ...ins, operands: [reg(d!.reg), reg(b!.reg)] },
  ];
}

/** After register allocation: every three-address instruction in its x86 form. */
export function expandThreeAddress(fn: MFunction): void {
  for (const b of fn.blocks) b.instrs = b.instrs.flatMap((ins) => (isThreeAddress(ins) ? twoAddress(ins) : [ins]));
}
