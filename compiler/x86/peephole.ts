// Peephole clean-up after register allocation and frame layout, with the final
// block order known:
//  - coalesced copies (`mov r, r`) disappear;
//  - jumps to the next block disappear, and `jcc next; jmp other` becomes `jncc other`;
//  - `mov d, s; add d, x` (and sub/shl by small constants) becomes one `lea`, and
//    a constant added to a lea's result joins its displacement;
//  - `cmp r, 0` becomes `test r, r`;
//  - a store to a spill slot followed by a reload of the same register from it keeps only the store;
//  - `mov r, 0` becomes `xor r, r` where no flags are live;
//  - `test r, r` before a zero or sign test (je/jne, ja/jbe, jl/jge as js/jns) goes when
//    the last flag-setting instruction was an add/sub/and/or/xor into r.

import { physicalLiveAfter } from "./liveness.js";
import { NEGATE, type MFunction, type MInstr, type MOperand } from "./machine.js";

const sameOperand = (a: MOperand, b: MOperand): boolean => JSON.stringify(a) === JSON.stringify(b);
const isReg32 = (o: MOperand | undefined): o is Extract<MOperand, { kind: "reg" }> => o?.kind === "reg" && o.size === 32;

function fuseLea(a: MInstr, b: MInstr): MInstr | undefined {
  if (a.op !== "mov" || !isReg32(a.operands[0]) || !isReg32(a.operands[1])) return undefined;
  const d = a.operands[0].reg;
  const s = a.operands[1].reg;
  const [b0, b1] = b.operands;
  if (!isReg32(b0) || b0.reg !== d || b.operands.length !== 2 || !b1) return undefined;
  const lea = (mem: Extract<MOperand, { kind: "mem" }>): MInstr => ({ op: "lea", operands: [b0, mem], pos: a.pos });
  if (b.op === "add" && b1.kind === "imm") return lea({ kind: "mem", base: s, scale: 1, disp: b1.value, sym: b1.sym });
  if (b.op === "sub" && b1.kind === "imm" && b1.sym === undefined) return lea({ kind: "mem", base: s, scale: 1, disp: -b1.value | 0 });
  if (b.op === "add" && isReg32(b1) && b1.reg !== d) return lea({ kind: "mem", base: s, index: b1.reg, scale: 1, disp: 0 });
  if (b.op === "shl" && b1.kind === "imm" && b1.sym === undefined && b1.value >= 1 && b1.value <= 3) {
    return lea({ kind: "mem", index: s, scale: (1 << b1.value) as 2 | 4 | 8, disp: 0 });
  }
  return undefined;
}

const readsFlags = (ins: MInstr | undefined): boolean => ins !== undefined && (ins.op === "j" || ins.op === "set" || ins.op === "adc" || ins.op === "sbb");

const FLAG_NEUTRAL = new Set(["mov", "movzx", "movsx", "lea"]);
const SETS_ZERO_FLAG = new Set(["add", "sub", "and", "or", "xor"]);
/**
 * After `test r, r` CF and OF are 0: `a` is `ne`, `be` is `e`, `ge` is `ns` (sign clear)
 * and `l` is `s`; e/ne as they are. These read only ZF and SF, which an add/sub/and/or/xor
 * sets from its result as test does (`sub edx, 1; jns` for `j >= 0`).
 */
const ZERO_TEST: Partial<Record<string, "e" | "ne" | "s" | "ns">> = { e: "e", ne: "ne", a: "ne", be: "e", ge: "ns", l: "s" };

/**
 * `op r, x; (movs not writing r); test r, r; jcc` with op add/sub/and/or/xor and jcc a
 * zero or sign test: op already set ZF and SF from r, so the test goes.
 */
function reuseFlags(instrs: MInstr[]): MInstr[] {
  const out: MInstr[] = [];
  instrs.forEach((ins, i) => {
    const next = instrs[i + 1];
    const [a, b] = ins.operands;
    const zero = next?.op === "j" ? ZERO_TEST[next.cond!] : undefined;
    if (ins.op === "test" && zero && isReg32(a) && isReg32(b) && a.reg === b.reg) {
      for (let k = out.length - 1; k >= 0; k--) {
        const p = out[k]!;
        const d = p.operands[0];
        if (FLAG_NEUTRAL.has(p.op) && !(d?.kind === "reg" && d.reg === a.reg)) continue;
        if (SETS_ZERO_FLAG.has(p.op) && p.operands.length === 2 && isReg32(d) && d.reg === a.reg) {
          next!.cond = zero;
          return;
        }
        break;
      }
    }
    out.push(ins);
  });
  return out;
}

export function peephole(fn: MFunction): void {
  fn.blocks.forEach((b, bi) => {
    const next = fn.blocks[bi + 1]?.id;
    let instrs = b.instrs.filter((ins) => !(ins.op === "mov" && isReg32(ins.operands[0]) && isReg32(ins.operands[1]) && ins.operands[0].reg === ins.operands[1].reg));
    const out: MInstr[] = [];
    for (let i = 0; i < instrs.length; i++) {
      const ins = instrs[i]!;
      const following = instrs[i + 1];
      if (following) {
        const lea = fuseLea(ins, following);
        if (lea) {
          out.push(lea);
          i++;
          continue;
        }
        // lea r, [x] ; add r, imm  ->  lea r, [x+imm]
        const m = ins.operands[1];
        const k = following.operands[1];
        if (ins.op === "lea" && (following.op === "add" || following.op === "sub") && m?.kind === "mem" && k?.kind === "imm" &&
            k.sym === undefined && sameOperand(ins.operands[0]!, following.operands[0]!)) {
          const disp = following.op === "add" ? m.disp + k.value : m.disp - k.value;
          out.push({ ...ins, operands: [ins.operands[0]!, { ...m, disp: disp | 0 }] });
          i++;
          continue;
        }
        // mov [slot], r ; mov r, [slot]  ->  mov [slot], r (spill slots only: every program
        // load happens as written, even right after a store to the same address)
        if (ins.op === "mov" && following.op === "mov" && ins.operands[0]?.kind === "mem" && ins.operands[0].frame?.area === "spill" &&
            sameOperand(ins.operands[0], following.operands[1]!) && sameOperand(ins.operands[1]!, following.operands[0]!)) {
          out.push(ins);
          i++;
          continue;
        }
      }
      // cmp r, 0  ->  test r, r (same flags for every condition)
      if (ins.op === "cmp" && isReg32(ins.operands[0]) && ins.operands[1]?.kind === "imm" && ins.operands[1].value === 0 && ins.operands[1].sym === undefined) {
        out.push({ ...ins, op: "test", operands: [ins.operands[0], ins.operands[0]] });
        continue;
      }
      if (ins.op === "mov" && isReg32(ins.operands[0]) && ins.operands[1]?.kind === "imm" && ins.operands[1].value === 0 &&
          ins.operands[1].sym === undefined && !readsFlags(following)) {
        out.push({ ...ins, op: "xor", operands: [ins.operands[0], ins.operands[0]] });
        continue;
      }
      out.push(ins);
    }
    instrs = reuseFlags(out);
    // Branches: fall through to the next block where possible.
    const last = instrs[instrs.length - 1];
    const prev = instrs[instrs.length - 2];
    const target = (ins: MInstr | undefined): number | undefined => {
      const o = ins?.operands[0];
      return o?.kind === "block" ? o.block : undefined;
    };
    if (last?.op === "jmp" && target(last) !== undefined) {
      if (target(last) === next) instrs.pop();
      else if (prev?.op === "j" && target(prev) === next) {
        instrs.splice(instrs.length - 2, 2, { ...prev, cond: NEGATE[prev.cond!], operands: last.operands });
      }
    }
    b.instrs = instrs;
  });
}

const COMMUTATIVE = new Set(["add", "and", "or", "xor", "imul"]);
const MEMORY_SOURCE = new Set(["add", "sub", "and", "or", "xor", "cmp", "imul"]);

/**
 * Rewrites that need to know which registers are dead (run last):
 *  - `op a, b; mov b, a` (op commutative, a dead after) -> `op b, a`;
 *  - `mov a, [m]; op b, a` (a dead after) -> `op b, [m]` (the load still happens once).
 */
export function deadRegisterPeephole(fn: MFunction): void {
  const liveAfter = physicalLiveAfter(fn);
  for (const b of fn.blocks) {
    const out: MInstr[] = [];
    for (let i = 0; i < b.instrs.length; i++) {
      const x = b.instrs[i]!;
      const y = b.instrs[i + 1];
      if (y) {
        const [x0, x1] = x.operands;
        const [y0, y1] = y.operands;
        const deadAfterY = (r: number): boolean => !liveAfter.get(y)!.has(r);
        if (COMMUTATIVE.has(x.op) && x.operands.length === 2 && isReg32(x0) && isReg32(x1) && x0.reg !== x1.reg &&
            y.op === "mov" && isReg32(y0) && isReg32(y1) && y0.reg === x1.reg && y1.reg === x0.reg && deadAfterY(x0.reg)) {
          out.push({ ...x, operands: [x1, x0] });
          i++;
          continue;
        }
        if (x.op === "mov" && isReg32(x0) && x1?.kind === "mem" && (x1.size === 32 || x1.size === undefined) && MEMORY_SOURCE.has(y.op) && y.operands.length === 2 &&
            isReg32(y0) && y0.reg !== x0.reg && isReg32(y1) && y1.reg === x0.reg && deadAfterY(x0.reg)) {
          out.push({ ...y, operands: [y0, { ...x1, size: 32 }] });
          i++;
          continue;
        }
      }
      out.push(x);
    }
    b.instrs = out;
  }
}
