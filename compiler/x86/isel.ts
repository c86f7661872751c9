// Instruction selection: one IR function -> machine instructions over virtual
// registers. IR temp t becomes virtual register FIRST_VREG + t. Two-address x86
// forms are written as `mov d, a; op d, b` and left to the register allocator to
// coalesce; fixed-register operations (division, variable shifts, port I/O, calls)
// name physical registers directly, which the allocator treats as constraints.
// Addresses fold into [base + index*scale + symbol + disp] operands where the
// address arithmetic has no other use; multiplications and divisions by suitable
// constants become lea/shift sequences.

import type { BinaryOp, Block, Condition, Instr, IrFunction, SourcePos, Temp, Terminator, Value } from "../ir.js";
import { successors, tempWritten, valuesRead } from "../opt/ir-uses.js";
import { argLocation, CALL_CLOBBERS } from "./abi.js";
import { StableValues } from "./stable-values.js";
import { signedPlan, unsignedPlan } from "./divide-by-constant.js";
import {
  EAX, ECX, EDX, FIRST_VREG, SWAP, frameWord, imm, reg,
  type CondCode, type MBlock, type MFunction, type MInstr, type MOperand, type Reg, type Size,
} from "./machine.js";

export const CONDITION_CODES: Record<Condition, CondCode> = {
  eq: "e", ne: "ne", lt: "l", le: "le", gt: "g", ge: "ge", ult: "b", ule: "be", ugt: "a", uge: "ae",
};

const ALU: Partial<Record<BinaryOp, string>> = { add: "add", sub: "sub", and: "and", or: "or", xor: "xor", mul: "imul" };
const COMMUTATIVE = new Set<BinaryOp>(["add", "mul", "and", "or", "xor"]);
const SHIFTS: Partial<Record<BinaryOp, string>> = { shl: "shl", shr: "shr", sar: "sar" };

type MemOperand = Extract<MOperand, { kind: "mem" }>;

/** `x = load [m]` (index load), `y = x op v` (index op), `store [m], y` (index store) in one block. */
interface ReadModifyWrite {
  load: number;
  op: number;
  store: number;
  opcode: string;
  source: Value | undefined;
  sameTemp: boolean;
}

const RMW_OPS: Partial<Record<BinaryOp, string>> = { add: "add", sub: "sub", and: "and", or: "or", xor: "xor" };

/** The instruction defining a branch's compared temp, folded into the compare. */
type Fusion =
  | { kind: "and"; def: Instr; left: Value; right: Value }
  /** `(a >>> b) & 1` (or `>>`) tested against 0: `bt a, b` (both take the bit number mod 32). */
  | { kind: "bt"; def: Instr; shift: Instr; value: Value; bit: Value }
  /** `cond`: the branch's condition, at the load's width. */
  | { kind: "load"; def: Instr; mem: MemOperand; cond: Condition };

/** The unsigned condition that orders non-negative values as the signed one does. */
const UNSIGNED_ORDER: Record<Condition, Condition> = {
  eq: "eq", ne: "ne", lt: "ult", le: "ule", gt: "ugt", ge: "uge", ult: "ult", ule: "ule", ugt: "ugt", uge: "uge",
};

const log2 = (n: number): number => (n > 0 && (n & (n - 1)) === 0 ? 31 - Math.clz32(n) : -1);

class Selector {
  private out: MInstr[] = [];
  private next: Reg;
  private pos: SourcePos | undefined;
  readonly byteClass = new Set<Reg>();
  outgoingWords = 0;
  readonly jumpTables: MFunction["jumpTables"] = [];
  private readonly useCount = new Map<Temp, number>();
  private current: Block | undefined;
  /** Reads of a temp by the terminator of a block that writes it (the value never leaves the block). */
  private readonly branchUses = new Map<Temp, number>();
  private readonly stable: StableValues;
  /** Instructions folded into another instruction (of any block), so not selected themselves. */
  private readonly skip = new Set<Instr>();
  private readonly addressPlans = new Map<Block, { address: Map<number, MemOperand>; skip: Set<Instr> }>();

  constructor(private readonly fn: IrFunction) {
    this.next = FIRST_VREG + fn.tempCount;
    this.stable = new StableValues(fn);
    for (const b of fn.blocks) {
      for (const x of [...b.instrs, b.term]) {
        for (const v of valuesRead(x)) if (v.kind === "temp") this.useCount.set(v.temp, (this.useCount.get(v.temp) ?? 0) + 1);
      }
      for (const v of valuesRead(b.term)) {
        if (v.kind === "temp" && b.instrs.some((ins) => tempWritten(ins) === v.temp)) this.branchUses.set(v.temp, (this.branchUses.get(v.temp) ?? 0) + 1);
      }
    }
  }

  private v(t: Temp): Reg {
    return FIRST_VREG + t;
  }

  private fresh(byte = false): Reg {
    const r = this.next++;
    if (byte) this.byteClass.add(r);
    return r;
  }

  private emit(op: string, operands: MOperand[], extra: Partial<MInstr> = {}): void {
    this.out.push({ op, operands, pos: this.pos, ...extra });
  }

  private operand(value: Value): MOperand {
    switch (value.kind) {
      case "temp": return reg(this.v(value.temp));
      case "const": return imm(value.value);
      case "symbol": return { kind: "imm", value: value.offset, sym: value.name };
    }
  }

  /** The value in a register (a fresh one loaded with a constant if need be). */
  private inReg(value: Value): Reg {
    if (value.kind === "temp") return this.v(value.temp);
    const r = this.fresh();
    this.emit("mov", [reg(r), this.operand(value)]);
    return r;
  }

  private byteCopy(value: Value): Reg {
    const b = this.fresh(true);
    this.emit("mov", [reg(b), this.operand(value)]);
    return b;
  }

  run(): MFunction {
    // Address folds first: one may take instructions from another block (stable-values.ts).
    for (const b of this.fn.blocks) this.addressPlans.set(b, this.planAddressFolds(b));
    const blocks: MBlock[] = [];
    this.fn.blocks.forEach((block, i) => {
      this.out = [];
      this.pos = block.instrs[0]?.pos ?? block.term.pos ?? this.fn.pos;
      if (i === 0) this.entry();
      this.block(block);
      blocks.push({ id: block.id, instrs: this.out, succs: successors(block.term) });
    });
    return {
      name: this.fn.name,
      exported: this.fn.exported,
      blocks,
      nextVreg: this.next,
      byteClass: this.byteClass,
      unspillable: new Set(),
      outgoingWords: this.outgoingWords,
      spillSlots: 0,
      jumpTables: this.jumpTables,
      returnsValue: this.fn.returnsValue,
      pos: this.fn.pos,
    };
  }

  private entry(): void {
    const regs: Reg[] = [];
    const moves: [Reg, MOperand][] = [];
    this.fn.params.forEach((t, i) => {
      const loc = argLocation(this.fn.conv, i);
      if (loc.kind === "reg") {
        regs.push(loc.reg);
        moves.push([this.v(t), reg(loc.reg)]);
      } else moves.push([this.v(t), frameWord("incoming", loc.word)]);
    });
    if (regs.length > 0) this.emit("entry", [], { implicitDefs: regs });
    for (const [d, s] of moves) this.emit("mov", [reg(d), s]);
  }

  private block(block: Block): void {
    this.current = block;
    const folded = this.addressPlans.get(block)!;
    const fused = this.planCompareFusion(block, folded.address);
    if (fused) folded.skip.add(fused.def);
    if (fused?.kind === "bt") folded.skip.add(fused.shift);
    this.divisionPairs = this.planDivisionPairs(block, folded.skip);
    this.rotates = this.planRotates(block, folded.skip);
    this.shiftCounts = this.planShiftCounts(block, folded.skip);
    block.instrs.forEach((ins, i) => {
      if (folded.skip.has(ins)) return;
      this.pos = ins.pos ?? this.pos;
      // A call that never returns (a panic) pushes its arguments: the frame then
      // needs no outgoing area for it, and a leaf with only cold calls stays frameless.
      if (ins.op === "call" && i === block.instrs.length - 1 && block.term.op === "unreachable") this.call(ins, true);
      else this.instr(ins, folded.address.get(i));
    });
    this.pos = block.term.pos ?? this.pos;
    if (fused) this.fusedBranch(block.term as Extract<Terminator, { op: "branchCompare" }>, fused);
    else this.terminator(block.term);
  }

  // ---- shift counts: the CPU takes a variable count mod 32, so `x << (n & 31)` shifts by n ----

  private shiftCounts = new Map<Instr, Value>();

  /** Shifts whose count is `n & m` (m's low five bits set, read only there, n unchanged since): shift by n; the and goes. */
  private planShiftCounts(block: Block, skip: Set<Instr>): Map<Instr, Value> {
    const counts = new Map<Instr, Value>();
    const instrs = block.instrs;
    instrs.forEach((ins, i) => {
      if (ins.op !== "binary" || !SHIFTS[ins.kind] || skip.has(ins) || ins.right.kind !== "temp" || this.useCount.get(ins.right.temp) !== 1) return;
      const c = ins.right.temp;
      let j = i - 1;
      while (j >= 0 && tempWritten(instrs[j]!) !== c) j--;
      const def = instrs[j];
      if (def?.op !== "binary" || def.kind !== "and" || skip.has(def)) return;
      const [n, m] = def.right.kind === "const" ? [def.left, def.right] : [def.right, def.left];
      if (m.kind !== "const" || (m.value & 31) !== 31 || n.kind !== "temp") return;
      if (instrs.slice(j + 1, i).some((x) => tempWritten(x) === n.temp)) return;
      counts.set(ins, n);
      skip.add(def);
    });
    return counts;
  }

  // ---- x / y and x % y together: one division (or one reciprocal multiplication) ----

  /** The first of a pair (value: the second), and the second (value: the register holding its result). */
  private divisionPairs = new Map<Instr, Instr>();
  private readonly pairedResults = new Map<Instr, Reg>();

  private planDivisionPairs(block: Block, skip: Set<Instr>): Map<Instr, Instr> {
    const out = new Map<Instr, Instr>();
    const instrs = block.instrs;
    const PARTNER: Partial<Record<BinaryOp, BinaryOp>> = { divu: "remu", remu: "divu", divs: "rems", rems: "divs" };
    const taken = new Set<Instr>();
    instrs.forEach((a, i) => {
      if (a.op !== "binary" || !PARTNER[a.kind] || skip.has(a) || taken.has(a)) return;
      const operands = [a.left, a.right].flatMap((v) => (v.kind === "temp" ? [v.temp] : []));
      if (operands.includes(a.dst)) return; // the first one changes its own operands
      for (let j = i + 1; j < instrs.length; j++) {
        const b = instrs[j]!;
        if (b.op === "binary" && b.kind === PARTNER[a.kind] && !skip.has(b) && !taken.has(b) &&
            JSON.stringify([b.left, b.right]) === JSON.stringify([a.left, a.right])) {
          out.set(a, b);
          taken.add(b);
          return;
        }
        const w = tempWritten(b);
        if (w !== undefined && operands.includes(w)) return;
      }
    });
    return out;
  }

  // ---- rotates: `(x << k) | (x >>> (32 - k))` (or + or ^ for a constant k) -> `rol x, k` ----

  private rotates = new Map<Instr, { value: Temp; count: Value }>();

  private planRotates(block: Block, skip: Set<Instr>): Map<Instr, { value: Temp; count: Value }> {
    const out = new Map<Instr, { value: Temp; count: Value }>();
    const instrs = block.instrs;
    // The instruction writing `t` last before `at`, if `t` is read only once and that is in this block.
    const def = (t: Value, at: number): { ins: Extract<Instr, { op: "binary" }>; index: number } | undefined => {
      if (t.kind !== "temp" || this.useCount.get(t.temp) !== 1) return undefined;
      for (let j = at - 1; j >= 0; j--) {
        const d = instrs[j]!;
        if (tempWritten(d) !== t.temp) continue;
        return d.op === "binary" && !skip.has(d) ? { ins: d, index: j } : undefined;
      }
      return undefined;
    };
    instrs.forEach((ins, i) => {
      if (ins.op !== "binary" || (ins.kind !== "or" && ins.kind !== "add" && ins.kind !== "xor") || skip.has(ins)) return;
      let l = def(ins.left, i);
      let r = def(ins.right, i);
      if (!l || !r || l.ins === r.ins) return;
      if (l.ins.kind === "shr") [l, r] = [r, l];
      if (l.ins.kind !== "shl" || r.ins.kind !== "shr") return;
      const x = l.ins.left;
      if (x.kind !== "temp" || r.ins.left.kind !== "temp" || r.ins.left.temp !== x.temp) return;
      // x must be the same value at both shifts and at the rotate.
      const first = Math.min(l.index, r.index);
      if (instrs.slice(first, i).some((w) => tempWritten(w) === x.temp)) return;
      const [a, b] = [l.ins.right, r.ins.right];
      let count: Value | undefined;
      if (a.kind === "const" && b.kind === "const") {
        // Bits that do not overlap: |, + and ^ agree. (A count of 0 mod 32 would overlap.)
        if ((a.value & 31) !== 0 && ((a.value + b.value) & 31) === 0) count = { kind: "const", value: a.value & 31 };
      } else if (ins.kind === "or" && a.kind === "temp") {
        // x << n | x >>> (32 - n): for n = 0 mod 32 both are x, and so is the rotate. n must
        // be one value from the first of the shl and the sub to the rotate, which reads it.
        const s = def(b, r.index);
        if (s && s.ins.kind === "sub" && s.ins.left.kind === "const" && (s.ins.left.value & 31) === 0 &&
            s.ins.right.kind === "temp" && s.ins.right.temp === a.temp &&
            !instrs.slice(Math.min(s.index, l.index), i).some((w) => tempWritten(w) === a.temp)) {
          count = a;
          skip.add(s.ins);
        }
      }
      if (!count) return;
      skip.add(l.ins);
      skip.add(r.ins);
      out.set(ins, { value: x.temp, count });
    });
    return out;
  }

  // ---- compare fusion: `x = a & b; if x ==/!= 0` -> test a, b; `x = load [m]; if x cc v` -> cmp [m], v ----

  private planCompareFusion(block: Block, addresses: Map<number, MemOperand>): Fusion | undefined {
    const t = block.term;
    // The compared temp must be read only by branches of blocks that compute it (a loop
    // test repeated before the loop and at its latch is two such branches).
    if (t.op !== "branchCompare" || t.left.kind !== "temp" || this.useCount.get(t.left.temp) !== this.branchUses.get(t.left.temp)) return undefined;
    if (t.right.kind === "temp" && t.right.temp === t.left.temp) return undefined;
    const x = t.left.temp;
    const instrs = block.instrs;
    let i = instrs.length - 1;
    while (i >= 0 && tempWritten(instrs[i]!) !== x) i--;
    const def = instrs[i];
    if (!def) return undefined;
    const later = instrs.slice(i + 1);
    const zeroTest = (t.cond === "eq" || t.cond === "ne") && t.right.kind === "const" && t.right.value === 0;
    if (def.op === "binary" && def.kind === "and" && zeroTest) {
      const read = valuesRead(def).flatMap((v) => (v.kind === "temp" ? [v.temp] : []));
      if (later.some((ins) => read.includes(tempWritten(ins) ?? -1))) return undefined;
      const bt = this.bitTest(instrs, i, def.left, def.right) ?? this.bitTest(instrs, i, def.right, def.left);
      return bt ?? { kind: "and", def, left: def.left, right: def.right };
    }
    // A load moves to the branch only if it is the block's last instruction (memory order is kept).
    if (def.op === "load" && i === instrs.length - 1) {
      let cond = t.cond;
      if (def.width !== 4) {
        // A narrow load against a constant of its type: compare in memory at its width. A
        // zero-extended value is never negative, so a signed order is the unsigned one
        // there (`p.energy > 0` on a u16: `cmp word [m], 0; ja`).
        const bits = def.width * 8;
        const v = t.right.kind === "const" ? t.right.value : undefined;
        if (v === undefined || !(def.signed ? v >= -(2 ** (bits - 1)) && v < 2 ** (bits - 1) : v >= 0 && v < 2 ** bits)) return undefined;
        if (!def.signed) cond = UNSIGNED_ORDER[cond];
      }
      const size: Size = def.width === 1 ? 8 : def.width === 2 ? 16 : 32;
      return { kind: "load", def, mem: this.memory(def.address, def.offset, size, addresses.get(i)), cond };
    }
    return undefined;
  }

  /** `s = shr a, b` (s read only here) then `and s, 1` at `at`: a bit test, if a and b hold until the branch. */
  private bitTest(instrs: Instr[], at: number, s: Value, one: Value): Fusion | undefined {
    if (s.kind !== "temp" || one.kind !== "const" || one.value !== 1 || this.useCount.get(s.temp) !== 1) return undefined;
    let j = at - 1;
    while (j >= 0 && tempWritten(instrs[j]!) !== s.temp) j--;
    const shift = instrs[j];
    // (after sar too, bit 0 is bit n of a: only bits above 31-n are sign copies)
    if (!shift || shift.op !== "binary" || (shift.kind !== "shr" && shift.kind !== "sar")) return undefined;
    const read = valuesRead(shift).flatMap((v) => (v.kind === "temp" ? [v.temp] : []));
    if (instrs.slice(j + 1).some((ins) => read.includes(tempWritten(ins) ?? -1))) return undefined;
    return { kind: "bt", def: instrs[at]!, shift, value: shift.left, bit: shift.right };
  }

  private fusedBranch(t: Extract<Terminator, { op: "branchCompare" }>, f: Fusion): void {
    const cc = CONDITION_CODES[f.kind === "load" ? f.cond : t.cond];
    if (f.kind === "bt") {
      const bit = f.bit.kind === "const" ? imm(f.bit.value & 31) : reg(this.inReg(f.bit));
      this.emit("bt", [reg(this.inReg(f.value)), bit]);
      // The bit lands in CF: `!= 0` is jc (b), `== 0` is jnc (ae).
      this.emit("j", [{ kind: "block", block: t.ifTrue }], { cond: t.cond === "ne" ? "b" : "ae" });
      this.emit("jmp", [{ kind: "block", block: t.ifFalse }]);
      return;
    }
    if (f.kind === "and") {
      let [l, r] = [f.left, f.right];
      if (l.kind !== "temp") [l, r] = [r, l];
      this.emit("test", [reg(this.inReg(l)), this.operand(r)]);
    } else {
      const right = t.right.kind === "temp" ? reg(this.v(t.right.temp)) : this.operand(t.right);
      this.emit("cmp", [f.mem, right]);
    }
    this.emit("j", [{ kind: "block", block: t.ifTrue }], { cond: cc });
    this.emit("jmp", [{ kind: "block", block: t.ifFalse }]);
  }

  // ---- address folding ----

  /**
   * For each load/store (by index) whose address is a temp computed earlier in the
   * block only for this use, the memory operand that does the arithmetic, and the
   * instructions that become unnecessary.
   */
  private planAddressFolds(block: Block): { address: Map<number, MemOperand>; skip: Set<Instr> } {
    const address = new Map<number, MemOperand>();
    const skip = this.skip;
    const instrs = block.instrs;
    // The single defining instruction of `t` before `at` in this block, if its
    // result is used only once and nothing it reads is redefined before `at`; or, when
    // no instruction before `at` in this block writes `t`, its definition in a dominating
    // block, if `t` is written once and what it reads still holds here (at = -1 continues there).
    const candidates = this.readModifyWriteCandidates(block);
    // The address temp a read-modify-write's load and store both read (once, as one access).
    let sharedRoot: Temp | undefined;
    const soleDef = (t: Temp, at: number, until: number): { ins: Instr; index: number } | undefined => {
      const uses = this.useCount.get(t);
      if (uses !== 1 && !(uses === 2 && t === sharedRoot)) return undefined;
      if (at < 0 || !instrs.slice(0, at).some((x) => tempWritten(x) === t)) {
        const site = this.stable.definition(t);
        const d = site?.ins;
        if (!site || !d || d.op !== "binary" || skip.has(d) || site.block === block.id || !this.stable.dominates(site.block, block.id)) return undefined;
        const read = valuesRead(d).flatMap((v) => (v.kind === "temp" ? [v.temp] : []));
        if (!read.every((r) => this.stable.holds(r, site, block.id, until))) return undefined;
        return { ins: d, index: -1 };
      }
      for (let j = at - 1; j >= 0; j--) {
        const d = instrs[j]!;
        if (tempWritten(d) !== t) continue;
        if (d.op !== "binary" || skip.has(d)) return undefined;
        for (let k = j + 1; k < until; k++) {
          const w = tempWritten(instrs[k]!);
          if (w !== undefined && (w === t || valuesRead(d).some((v) => v.kind === "temp" && v.temp === w))) return undefined;
        }
        return { ins: d, index: j };
      }
      return undefined;
    };
    type Parts = { base?: Value; index?: Value; scale: 1 | 2 | 4 | 8; disp: number; sym?: string; used: Instr[] };
    // Adds `v` into the address being built; returns false if it cannot be expressed.
    const add = (p: Parts, v: Value, at: number, until: number, depth: number): boolean => {
      if (v.kind === "const") {
        p.disp += v.value;
        return true;
      }
      if (v.kind === "symbol") {
        if (p.sym !== undefined) return false;
        p.sym = v.name;
        p.disp += v.offset;
        return true;
      }
      const def = depth < 3 ? soleDef(v.temp, at, until) : undefined;
      const d = def?.ins;
      if (d && d.op === "binary" && d.kind === "add") {
        const q: Parts = { ...p, used: [...p.used, d] };
        // (q is a trial copy: p is only updated when both operands fit)
        if (add(q, d.left, def.index, until, depth + 1) && add(q, d.right, def.index, until, depth + 1)) {
          Object.assign(p, q);
          return true;
        }
      }
      if (d && d.op === "binary" && p.index === undefined && d.left.kind === "temp" && d.right.kind === "const") {
        const scale = d.kind === "shl" ? 1 << (d.right.value & 31) : d.kind === "mul" ? d.right.value : 0;
        if (scale === 2 || scale === 4 || scale === 8) {
          p.index = d.left;
          p.scale = scale;
          p.used.push(d);
          // (i + k) * scale: the constant joins the displacement ([i*2 + screen + 160]).
          const inner = depth < 2 ? soleDef(d.left.temp, def.index, until) : undefined;
          const e = inner?.ins;
          if (e && e.op === "binary" && e.kind === "add") {
            const [x, k] = e.right.kind === "const" ? [e.left, e.right] : [e.right, e.left];
            if (x.kind === "temp" && k.kind === "const") {
              p.index = x;
              p.disp = (p.disp + Math.imul(k.value, scale)) | 0;
              p.used.push(e);
            }
          }
          return true;
        }
      }
      if (p.base === undefined) p.base = v;
      else if (p.index === undefined) p.index = v;
      else return false;
      return true;
    };
    instrs.forEach((ins, i) => {
      let addr: Value | undefined;
      let offset = 0;
      if (ins.op === "load" || ins.op === "store") [addr, offset] = [ins.address, ins.offset];
      else if (ins.op === "intrinsic" && (ins.name === "lgdt" || ins.name === "lidt" || ins.name === "invlpg")) addr = ins.args[0];
      if (addr?.kind !== "temp") return;
      const p: Parts = { scale: 1, disp: offset, used: [] };
      const c = candidates.find((x) => x.store === i);
      sharedRoot = c && c.sameTemp ? addr.temp : undefined;
      const ok = add(p, addr, i, i, 0) && p.used.length > 0;
      sharedRoot = undefined;
      if (!ok) return;
      // Values the folded arithmetic reads must still hold at the load/store.
      for (const u of p.used) skip.add(u);
      address.set(i, {
        kind: "mem",
        base: p.base && p.base.kind === "temp" ? this.v(p.base.temp) : undefined,
        index: p.index && p.index.kind === "temp" ? this.v(p.index.temp) : undefined,
        scale: p.scale,
        disp: p.disp | 0,
        sym: p.sym,
      });
    });
    for (const c of candidates) {
      const load = instrs[c.load] as Extract<Instr, { op: "load" }>;
      const store = instrs[c.store] as Extract<Instr, { op: "store" }>;
      const [a, b] = [address.get(c.load), address.get(c.store)];
      const writtenBetween = (t: Temp): boolean => instrs.slice(c.load + 1, c.store).some((x) => tempWritten(x) === t);
      let same: boolean;
      if (c.sameTemp) same = true;
      else if (a && b) {
        same = JSON.stringify(a) === JSON.stringify(b) &&
          [a.base, a.index].every((r) => r === undefined || !writtenBetween(r - FIRST_VREG));
      } else if (!a && !b) {
        const [x, y] = [load.address, store.address];
        same = load.offset === store.offset && JSON.stringify(x) === JSON.stringify(y) && (x.kind !== "temp" || !writtenBetween(x.temp));
      } else same = false;
      if (!same) continue;
      this.readModifyWrites.set(store, c);
      skip.add(load);
      skip.add(instrs[c.op]!);
    }
    return { address, skip };
  }

  // ---- read-modify-write: `x = load [m]; y = x op v; store [m], y` -> `op [m], v` ----

  /** Read-modify-writes by their store: the x86 operation and its source (none for neg/not). */
  private readonly readModifyWrites = new Map<Instr, ReadModifyWrite>();

  /**
   * Loads whose value only an add/sub/and/or/xor/neg/not reads, whose result only a store
   * of the same width reads, with nothing but arithmetic that cannot trap in between (no
   * other access moves across the one read and the one write); whether the two addresses
   * are the same is decided by the caller. `sameTemp`: both read one address temp not
   * written in between.
   */
  private readModifyWriteCandidates(block: Block): ReadModifyWrite[] {
    const out: ReadModifyWrite[] = [];
    const instrs = block.instrs;
    instrs.forEach((load, i) => {
      if (load.op !== "load" || this.useCount.get(load.dst) !== 1) return;
      let k = i + 1;
      const reads = (x: Instr, t: Temp): boolean => valuesRead(x).some((v) => v.kind === "temp" && v.temp === t);
      while (k < instrs.length && !reads(instrs[k]!, load.dst)) k++;
      const op = instrs[k];
      if (!op || tempWritten(op) === undefined || this.useCount.get(tempWritten(op)!) !== 1) return;
      let opcode: string;
      let source: Value | undefined;
      if (op.op === "unary" && (op.kind === "neg" || op.kind === "not")) opcode = op.kind;
      else if (op.op === "binary" && RMW_OPS[op.kind] && !(op.left.kind === "temp" && op.right.kind === "temp" && op.left.temp === op.right.temp)) {
        opcode = RMW_OPS[op.kind]!;
        const leftIsLoad = op.left.kind === "temp" && op.left.temp === load.dst;
        if (!leftIsLoad && op.kind === "sub") return;
        source = leftIsLoad ? op.right : op.left;
      } else return;
      let j = k + 1;
      while (j < instrs.length && !reads(instrs[j]!, op.dst)) j++;
      const store = instrs[j];
      if (store?.op !== "store" || store.width !== load.width || store.value.kind !== "temp" || store.value.temp !== op.dst) return;
      const between = instrs.slice(i + 1, j).filter((x) => x !== op);
      const pure = (x: Instr): boolean =>
        x.op === "copy" || x.op === "unary" || x.op === "extend" || x.op === "compare" ||
        (x.op === "binary" && !["divs", "divu", "rems", "remu"].includes(x.kind));
      if (!between.every(pure)) return;
      // The source is read at the store now: it must not change after the operation.
      if (source?.kind === "temp" && instrs.slice(k + 1, j).some((x) => tempWritten(x) === (source as { temp: Temp }).temp)) return;
      if (source?.kind === "symbol" && load.width !== 4) return;
      const sameTemp = load.address.kind === "temp" && store.address.kind === "temp" && load.address.temp === store.address.temp &&
        load.offset === store.offset && !instrs.slice(i + 1, j).some((x) => tempWritten(x) === (load.address as { temp: Temp }).temp) &&
        this.useCount.get(load.address.temp) === 2;
      out.push({ load: i, op: k, store: j, opcode, source, sameTemp });
    });
    return out;
  }

  private memory(address: Value, offset: number, size: Size | undefined, folded?: MemOperand): MemOperand {
    if (folded) return { ...folded, size };
    switch (address.kind) {
      case "const": return { kind: "mem", size, scale: 1, disp: (address.value + offset) | 0 };
      case "symbol": return { kind: "mem", size, scale: 1, disp: (address.offset + offset) | 0, sym: address.name };
      case "temp": return { kind: "mem", size, base: this.v(address.temp), scale: 1, disp: offset | 0 };
    }
  }

  // ---- instructions ----

  private instr(ins: Instr, folded: MemOperand | undefined): void {
    switch (ins.op) {
      case "copy":
        this.emit("mov", [reg(this.v(ins.dst)), this.operand(ins.src)]);
        return;
      case "binary": {
        const paired = this.pairedResults.get(ins);
        if (paired !== undefined) {
          this.emit("mov", [reg(this.v(ins.dst)), reg(paired)]);
          return;
        }
        const second = this.divisionPairs.get(ins);
        if (second?.op === "binary") {
          const { q, r } = this.divide(ins.kind === "divs" || ins.kind === "rems", ins.left, ins.right, "both");
          const quotient = ins.kind === "divu" || ins.kind === "divs";
          this.emit("mov", [reg(this.v(ins.dst)), reg(quotient ? q! : r!)]);
          this.pairedResults.set(second, quotient ? r! : q!);
          return;
        }
        const rotate = this.rotates.get(ins);
        if (rotate) {
          this.binary(this.v(ins.dst), ins.dst, "shl", { kind: "temp", temp: rotate.value }, rotate.count, "rol");
          return;
        }
        this.binary(this.v(ins.dst), ins.dst, ins.kind, ins.left, this.shiftCounts.get(ins) ?? ins.right);
        return;
      }
      case "unary": {
        const d = this.v(ins.dst);
        this.emit("mov", [reg(d), this.operand(ins.src)]);
        this.emit(ins.kind, [reg(d)]);
        return;
      }
      case "compare": {
        const cc = this.compare(ins.cond, ins.left, ins.right);
        const b = this.fresh(true);
        this.emit("set", [reg(b, 8)], { cond: cc });
        this.emit("movzx", [reg(this.v(ins.dst)), reg(b, 8)]);
        return;
      }
      case "extend": {
        const d = this.v(ins.dst);
        if (ins.src.kind !== "temp") {
          const c = this.operand(ins.src);
          if (c.kind === "imm" && c.sym === undefined) {
            const bits = ins.width * 8;
            const shifted = c.value << (32 - bits);
            this.emit("mov", [reg(d), imm(ins.signed ? shifted >> (32 - bits) : shifted >>> (32 - bits))]);
            return;
          }
        }
        const src = ins.width === 1 ? this.byteCopy(ins.src) : this.inReg(ins.src);
        this.emit(ins.signed ? "movsx" : "movzx", [reg(d), reg(src, ins.width === 1 ? 8 : 16)]);
        return;
      }
      case "load": {
        const size: Size = ins.width === 1 ? 8 : ins.width === 2 ? 16 : 32;
        const m = this.memory(ins.address, ins.offset, size, folded);
        this.emit(ins.width === 4 ? "mov" : ins.signed ? "movsx" : "movzx", [reg(this.v(ins.dst)), m]);
        return;
      }
      case "store": {
        const size: Size = ins.width === 1 ? 8 : ins.width === 2 ? 16 : 32;
        const m = this.memory(ins.address, ins.offset, size, folded);
        const rmw = this.readModifyWrites.get(ins);
        if (rmw) return this.readModifyWrite(rmw, m, size);
        let value: MOperand;
        if (ins.value.kind === "const") {
          const bits = size;
          value = imm(bits === 32 ? ins.value.value : (ins.value.value << (32 - bits)) >> (32 - bits));
        } else if (ins.value.kind === "symbol") {
          value = this.operand(ins.value);
          if (size !== 32) value = reg(this.byteCopyOrReg(ins.value, size), size);
        } else value = reg(size === 8 ? this.byteValue(ins.value.temp, ins) : this.v(ins.value.temp), size);
        this.emit("mov", [m, value]);
        return;
      }
      case "call":
        this.call(ins, false);
        return;
      case "intrinsic":
        this.intrinsic(ins, folded);
        return;
    }
  }

  /** `op [m], v` (or `neg/not [m]`): the load, the operation and the store in one instruction. */
  private readModifyWrite(rmw: ReadModifyWrite, m: MemOperand, size: Size): void {
    const v = rmw.source;
    if (!v) return this.emit(rmw.opcode, [m]);
    let src: MOperand;
    if (v.kind === "const") src = imm(size === 32 ? v.value : (v.value << (32 - size)) >> (32 - size));
    else if (v.kind === "symbol") src = this.operand(v);
    else src = reg(size === 8 ? this.byteValue(v.temp, this.current!.instrs[rmw.op]!) : this.v(v.temp), size);
    this.emit(rmw.opcode, [m, src]);
  }

  /**
   * The register a byte store takes its value from: the temp's own (made byte-class) when
   * the store is its only reader and it is computed earlier in the block with no call in
   * between (it is short-lived, so restricting it to al/cl/dl/bl costs nothing), else a copy.
   */
  private byteValue(t: Temp, store: Instr): Reg {
    const instrs = this.current?.instrs ?? [];
    const at = instrs.indexOf(store);
    let j = at - 1;
    while (j >= 0 && tempWritten(instrs[j]!) !== t) j--;
    const shortLived = this.useCount.get(t) === 1 && j >= 0 && !instrs.slice(j, at).some((x) => x.op === "call" || x.op === "intrinsic");
    if (!shortLived) return this.byteCopy({ kind: "temp", temp: t });
    this.byteClass.add(this.v(t));
    return this.v(t);
  }

  private byteCopyOrReg(value: Value, size: Size): Reg {
    return size === 8 ? this.byteCopy(value) : this.inReg(value);
  }

  /** `d = left kind right`; `shiftOp` selects a shift as another instruction (rol). */
  private binary(d: Reg, dstTemp: Temp, kind: BinaryOp, left: Value, right: Value, shiftOp?: string): void {
    if (COMMUTATIVE.has(kind) && left.kind !== "temp" && right.kind === "temp") [left, right] = [right, left];
    // Both operands in registers: the three-address form lets the allocator pick the order (three-address.ts).
    if (COMMUTATIVE.has(kind) && left.kind === "temp" && right.kind === "temp") {
      this.emit(ALU[kind]!, [reg(d), reg(this.v(left.temp)), reg(this.v(right.temp))]);
      return;
    }
    // `d = a op d`: writing a into d first would lose the right operand.
    if (right.kind === "temp" && right.temp === dstTemp && !(left.kind === "temp" && left.temp === dstTemp)) {
      if (COMMUTATIVE.has(kind)) [left, right] = [right, left];
      else {
        const t = this.fresh();
        this.binary(t, -1, kind, left, right, shiftOp);
        this.emit("mov", [reg(d), reg(t)]);
        return;
      }
    }
    const c = right.kind === "const" ? right.value : undefined;
    if (kind === "mul" && c !== undefined) return this.multiplyByConstant(d, left, c);
    if ((kind === "divu" || kind === "remu" || kind === "divs") && c !== undefined && log2(c) > 0) {
      return this.divideByPowerOfTwo(d, kind, left, log2(c));
    }
    if (kind === "divu" || kind === "remu" || kind === "divs" || kind === "rems") {
      const quotient = kind === "divu" || kind === "divs";
      const { q, r } = this.divide(kind === "divs" || kind === "rems", left, right, quotient ? "quotient" : "remainder");
      this.emit("mov", [reg(d), reg(quotient ? q! : r!)]);
      return;
    }
    const alu = ALU[kind];
    if (alu) {
      if (kind === "sub" && left.kind === "const" && left.value === 0) {
        this.emit("mov", [reg(d), this.operand(right)]);
        this.emit("neg", [reg(d)]);
        return;
      }
      this.emit("mov", [reg(d), this.operand(left)]);
      this.emit(alu, [reg(d), kind === "mul" ? reg(this.inReg(right)) : this.operand(right)]);
      return;
    }
    const shift = shiftOp ?? SHIFTS[kind];
    if (shift) {
      this.emit("mov", [reg(d), this.operand(left)]);
      if (c !== undefined) {
        if ((c & 31) !== 0) this.emit(shift, [reg(d), imm(c & 31)]);
        return;
      }
      this.emit("mov", [reg(ECX), this.operand(right)]);
      this.emit(shift, [reg(d), reg(ECX, 8)]);
      return;
    }
    throw new Error(`isel: no selection for ${kind}`);
  }

  /**
   * `x / y` and `x % y` (truncating, as the CPU's div/idiv): the quotient and/or the
   * remainder in fresh registers. Constant divisors other than 0 and -1 (which must
   * trap on 0 and on INT_MIN / -1 as idiv does) multiply by the reciprocal
   * (divide-by-constant.ts); the remainder is then x - q * c.
   */
  private divide(signed: boolean, x: Value, y: Value, want: "quotient" | "remainder" | "both"): { q?: Reg; r?: Reg } {
    const c = y.kind === "const" ? y.value | 0 : undefined;
    let q: Reg | undefined;
    if (c !== undefined && !signed && (c >>> 0) >= 3 && log2(c >>> 0) < 0) q = this.unsignedQuotient(x, c);
    else if (c !== undefined && signed && c !== -2147483648 && Math.abs(c) >= 2) q = this.signedQuotient(x, c);
    else if (c !== undefined && !signed && log2(c >>> 0) > 0) {
      q = this.fresh();
      this.emit("mov", [reg(q), this.operand(x)]);
      this.emit("shr", [reg(q), imm(log2(c >>> 0))]);
    }
    if (q !== undefined) {
      if (want === "quotient") return { q };
      // r = x - q * c
      const p = this.fresh();
      this.multiplyByConstant(p, { kind: "temp", temp: q - FIRST_VREG }, c!);
      const r = this.fresh();
      this.emit("mov", [reg(r), this.operand(x)]);
      this.emit("sub", [reg(r), reg(p)]);
      return { q, r };
    }
    // Dividend in edx:eax, quotient in eax, remainder in edx.
    const divisor = this.inReg(y);
    this.emit("mov", [reg(EAX), this.operand(x)]);
    if (signed) this.emit("cdq", [], { implicitUses: [EAX], implicitDefs: [EDX] });
    else this.emit("mov", [reg(EDX), imm(0)]);
    this.emit(signed ? "idiv" : "div", [reg(divisor)], { implicitUses: [EAX, EDX], implicitDefs: [EAX, EDX] });
    const out: { q?: Reg; r?: Reg } = {};
    if (want !== "remainder") this.emit("mov", [reg((out.q = this.fresh())), reg(EAX)]);
    if (want !== "quotient") this.emit("mov", [reg((out.r = this.fresh())), reg(EDX)]);
    return out;
  }

  /** Unsigned x / c, c not a power of two: the high half of x * m, shifted (divide-by-constant.ts). */
  private unsignedQuotient(x: Value, c: number): Reg {
    const plan = unsignedPlan(c);
    const xr = this.inReg(x);
    let src = xr;
    if (plan.pre > 0) {
      src = this.fresh();
      this.emit("mov", [reg(src), reg(xr)]);
      this.emit("shr", [reg(src), imm(plan.pre)]);
    }
    this.emit("mov", [reg(EAX), imm(plan.multiplier)]);
    this.emit("mul", [reg(src)], { implicitUses: [EAX], implicitDefs: [EAX, EDX] });
    const hi = this.fresh();
    this.emit("mov", [reg(hi), reg(EDX)]);
    if (!plan.add) {
      if (plan.post > 0) this.emit("shr", [reg(hi), imm(plan.post)]);
      return hi;
    }
    // The multiplier's 33rd bit: q = (hi + ((x - hi) >>> 1)) >>> (post - 1).
    const t = this.fresh();
    this.emit("mov", [reg(t), reg(xr)]);
    this.emit("sub", [reg(t), reg(hi)]);
    this.emit("shr", [reg(t), imm(1)]);
    this.emit("add", [reg(t), reg(hi)]);
    if (plan.post > 1) this.emit("shr", [reg(t), imm(plan.post - 1)]);
    return t;
  }

  /** Signed x / c, 2 <= |c| < 2^31: bias-and-shift for a power of two, else the high half of x * m plus corrections. */
  private signedQuotient(x: Value, c: number): Reg {
    const xr = this.inReg(x);
    const magnitude = Math.abs(c);
    const k = log2(magnitude);
    let q: Reg;
    if (k > 0) {
      q = this.fresh();
      this.emit("mov", [reg(q), reg(xr)]);
      if (k > 1) this.emit("sar", [reg(q), imm(31)]);
      this.emit("shr", [reg(q), imm(32 - k)]);
      this.emit("add", [reg(q), reg(xr)]);
      this.emit("sar", [reg(q), imm(k)]);
    } else {
      const plan = signedPlan(magnitude);
      this.emit("mov", [reg(EAX), imm(plan.multiplier)]);
      this.emit("imul", [reg(xr)], { implicitUses: [EAX], implicitDefs: [EAX, EDX] });
      q = this.fresh();
      this.emit("mov", [reg(q), reg(EDX)]);
      if (plan.addDividend) this.emit("add", [reg(q), reg(xr)]);
      if (plan.shift > 0) this.emit("sar", [reg(q), imm(plan.shift)]);
      // Truncation toward zero: one more for a negative dividend.
      const sign = this.fresh();
      this.emit("mov", [reg(sign), reg(xr)]);
      this.emit("shr", [reg(sign), imm(31)]);
      this.emit("add", [reg(q), reg(sign)]);
    }
    if (c < 0) this.emit("neg", [reg(q)]);
    return q;
  }

  private multiplyByConstant(d: Reg, left: Value, c: number): void {
    if (left.kind !== "temp") {
      this.emit("mov", [reg(d), this.operand(left)]);
      this.emit("imul", [reg(d), reg(d), imm(c)]);
      return;
    }
    const a = this.v(left.temp);
    const k = log2(c);
    if (c === 0) this.emit("mov", [reg(d), imm(0)]);
    else if (c === 1) this.emit("mov", [reg(d), reg(a)]);
    else if (c === 2) this.emit("lea", [reg(d), { kind: "mem", base: a, index: a, scale: 1, disp: 0 }]);
    else if (c === 4 || c === 8) this.emit("lea", [reg(d), { kind: "mem", index: a, scale: c, disp: 0 }]);
    else if (c === 3 || c === 5 || c === 9) this.emit("lea", [reg(d), { kind: "mem", base: a, index: a, scale: (c - 1) as 2 | 4 | 8, disp: 0 }]);
    else if (k > 0) {
      this.emit("mov", [reg(d), reg(a)]);
      this.emit("shl", [reg(d), imm(k)]);
    } else this.emit("imul", [reg(d), reg(a), imm(c)]);
  }

  private divideByPowerOfTwo(d: Reg, kind: BinaryOp, left: Value, k: number): void {
    if (kind === "divu") {
      this.emit("mov", [reg(d), this.operand(left)]);
      this.emit("shr", [reg(d), imm(k)]);
    } else if (kind === "remu") {
      this.emit("mov", [reg(d), this.operand(left)]);
      this.emit("and", [reg(d), imm((2 ** k - 1) | 0)]);
    } else {
      // Signed: add 2^k - 1 to negative dividends so the shift truncates toward zero.
      const x = this.inReg(left);
      const bias = this.fresh();
      this.emit("mov", [reg(bias), reg(x)]);
      if (k > 1) this.emit("sar", [reg(bias), imm(31)]);
      this.emit("shr", [reg(bias), imm(32 - k)]);
      this.emit("add", [reg(bias), reg(x)]);
      this.emit("sar", [reg(bias), imm(k)]);
      this.emit("mov", [reg(d), reg(bias)]);
    }
  }

  /** Emits cmp (or test) for `left cond right`; returns the condition code to test. */
  private compare(cond: Condition, left: Value, right: Value): CondCode {
    let cc = CONDITION_CODES[cond];
    if (left.kind !== "temp" && right.kind === "temp") {
      [left, right] = [right, left];
      cc = SWAP[cc];
    }
    const l = this.inReg(left);
    if (right.kind === "const" && right.value === 0 && (cc === "e" || cc === "ne")) this.emit("test", [reg(l), reg(l)]);
    else this.emit("cmp", [reg(l), this.operand(right)]);
    return cc;
  }

  private call(ins: Extract<Instr, { op: "call" }>, pushArgs: boolean): void {
    const regArgs: Reg[] = [];
    const regMoves: [Reg, Value][] = [];
    const stackArgs: Value[] = [];
    ins.args.forEach((a, i) => {
      const loc = argLocation(ins.conv, i);
      if (loc.kind === "reg") {
        regArgs.push(loc.reg);
        regMoves.push([loc.reg, a]);
      } else if (pushArgs) stackArgs.push(a);
      else {
        this.outgoingWords = Math.max(this.outgoingWords, loc.word + 1);
        this.emit("mov", [frameWord("outgoing", loc.word), this.operand(a)]);
      }
    });
    for (const a of stackArgs.reverse()) this.emit("push", [this.operand(a)]);
    let target: MOperand;
    if (ins.callee.kind === "symbol" && ins.callee.offset === 0) target = { kind: "symbol", name: ins.callee.name };
    else target = reg(this.inReg(ins.callee));
    for (const [r, a] of regMoves) this.emit("mov", [reg(r), this.operand(a)]);
    this.emit("call", [target], { implicitUses: regArgs, implicitDefs: [...CALL_CLOBBERS] });
    if (ins.dst !== undefined) this.emit("mov", [reg(this.v(ins.dst)), reg(EAX)]);
  }

  private intrinsic(ins: Extract<Instr, { op: "intrinsic" }>, folded: MemOperand | undefined): void {
    const d = ins.dst === undefined ? undefined : this.v(ins.dst);
    const arg = (i: number): Value => {
      const a = ins.args[i];
      if (!a) throw new Error(`intrinsic ${ins.name} needs argument ${i + 1}`);
      return a;
    };
    const port = (): MOperand => {
      const p = arg(0);
      if (p.kind === "const" && p.value >= 0 && p.value < 256) return imm(p.value);
      this.emit("mov", [reg(EDX), this.operand(p)]);
      return reg(EDX, 16);
    };
    switch (ins.name) {
      case "inb": case "inw": case "inl": {
        const size: Size = ins.name === "inb" ? 8 : ins.name === "inw" ? 16 : 32;
        this.emit("in", [reg(EAX, size), port()]);
        if (d !== undefined) this.emit(size === 32 ? "mov" : "movzx", [reg(d), reg(EAX, size)]);
        return;
      }
      case "outb": case "outw": case "outl": {
        const size: Size = ins.name === "outb" ? 8 : ins.name === "outw" ? 16 : 32;
        const p = port();
        this.emit("mov", [reg(EAX), this.operand(arg(1))]);
        this.emit("out", [p, reg(EAX, size)]);
        return;
      }
      case "cli": case "sti": case "hlt": case "pause": case "nop": case "ud2": case "int3":
        this.emit(ins.name, []);
        return;
      case "int": {
        const n = arg(0);
        if (n.kind !== "const") throw new Error("int needs a constant vector");
        this.emit("int", [imm(n.value & 255)]);
        return;
      }
      case "readCr0": case "readCr2": case "readCr3": case "readCr4": {
        const cr = `cr${ins.name.slice(-1)}` as "cr0";
        this.emit("mov", [reg(d ?? this.fresh()), { kind: "ctrl", reg: cr }]);
        return;
      }
      case "writeCr0": case "writeCr3": case "writeCr4": {
        const cr = `cr${ins.name.slice(-1)}` as "cr0";
        this.emit("mov", [{ kind: "ctrl", reg: cr }, reg(this.inReg(arg(0)))]);
        return;
      }
      case "lgdt": case "lidt": case "invlpg": {
        const m = this.memory(arg(0), 0, undefined, folded);
        this.emit(ins.name, [m]);
        return;
      }
      case "readEflags":
        this.emit("pushfd", []);
        this.emit("pop", [reg(d ?? this.fresh())]);
        return;
    }
  }

  // ---- terminators ----

  private terminator(t: Terminator): void {
    switch (t.op) {
      case "jump":
        this.emit("jmp", [{ kind: "block", block: t.target }]);
        return;
      case "branch":
        if (t.cond.kind !== "temp") {
          const taken = t.cond.kind === "symbol" || t.cond.value !== 0;
          this.emit("jmp", [{ kind: "block", block: taken ? t.ifTrue : t.ifFalse }]);
          return;
        }
        this.emit("test", [reg(this.v(t.cond.temp)), reg(this.v(t.cond.temp))]);
        this.emit("j", [{ kind: "block", block: t.ifTrue }], { cond: "ne" });
        this.emit("jmp", [{ kind: "block", block: t.ifFalse }]);
        return;
      case "branchCompare": {
        const cc = this.compare(t.cond, t.left, t.right);
        this.emit("j", [{ kind: "block", block: t.ifTrue }], { cond: cc });
        this.emit("jmp", [{ kind: "block", block: t.ifFalse }]);
        return;
      }
      case "switch": {
        const index = this.fresh();
        this.emit("mov", [reg(index), this.operand(t.value)]);
        if (t.low !== 0) this.emit("sub", [reg(index), imm(t.low)]);
        this.emit("cmp", [reg(index), imm(t.targets.length)]);
        this.emit("j", [{ kind: "block", block: t.otherwise }], { cond: "ae" });
        const label = `${this.fn.name}.jt${this.jumpTables.length}`;
        this.jumpTables.push({ label, targets: t.targets });
        this.emit("jmp", [{ kind: "mem", size: 32, index, scale: 4, disp: 0, sym: label }]);
        return;
      }
      case "return":
        if (t.value) this.emit("mov", [reg(EAX), this.operand(t.value)]);
        this.emit("ret", [], { implicitUses: this.fn.returnsValue && t.value ? [EAX] : [] });
        return;
      case "unreachable":
        this.emit("ud2", []);
        return;
    }
  }
}

export function selectInstructions(fn: IrFunction): MFunction {
  return new Selector(fn).run();
}
