// Liveness over the control-flow graph of a machine function, and the live
// intervals the register allocator works with.
//
// Instructions are numbered in layout order; instruction i reads its operands at
// position 2i and writes its results at 2i+1, so a register that dies at i and
// one born at i may share a physical register. A virtual register's interval is
// the single range [first, last] position where it is live (holes ignored).
// Physical registers (named by fixed-register instructions) never live across
// blocks; their exact live ranges are kept so virtual registers avoid them.

import { isThreeAddress } from "./three-address.js";
import { EAX, effects, ESP, isRegCopy, isVirtual, type Effects, type MFunction, type MInstr, type Reg } from "./machine.js";

export interface Interval {
  reg: Reg;
  start: number;
  end: number;
  /** Disjoint, sorted, non-adjacent [from, to] ranges; start/end are the first from and last to. */
  ranges: [number, number][];
}

/** Whether the interval holds a value at position `pos`. */
export function covers(iv: Interval, pos: number): boolean {
  for (const [a, b] of iv.ranges) {
    if (a > pos) return false;
    if (b >= pos) return true;
  }
  return false;
}

/** Whether two intervals are live at some common position. */
export function intersects(x: Interval, y: Interval): boolean {
  if (x.end < y.start || y.end < x.start) return false;
  let i = 0;
  let j = 0;
  while (i < x.ranges.length && j < y.ranges.length) {
    const [a, b] = x.ranges[i]!;
    const [c, d] = y.ranges[j]!;
    if (b < c) i++;
    else if (d < a) j++;
    else return true;
  }
  return false;
}

export interface Liveness {
  /** One per virtual register that is defined or used. */
  intervals: Map<Reg, Interval>;
  /** Per physical register, the ranges where it holds a value or is overwritten, sorted by start. */
  fixed: Map<Reg, [number, number][]>;
  /**
   * The fixed ranges that begin with a copy from a virtual register (`mov ecx, v` for a shift
   * count): [from, to, v]. While v is not written in one, v may hold that register itself.
   */
  copiedIn: Map<Reg, [number, number, Reg][]>;
  /** Per virtual register, the positions where an instruction writes it. */
  writes: Map<Reg, number[]>;
  /** Register-to-register copies (dst, src): preferences for sharing a register. */
  copies: [Reg, Reg][];
  liveIn: Map<number, Set<Reg>>;
  liveOut: Map<number, Set<Reg>>;
}

export function blockLiveness(fn: MFunction): { liveIn: Map<number, Set<Reg>>; liveOut: Map<number, Set<Reg>> } {
  const gen = new Map<number, Set<Reg>>();
  const kill = new Map<number, Set<Reg>>();
  for (const b of fn.blocks) {
    const g = new Set<Reg>();
    const k = new Set<Reg>();
    for (const ins of b.instrs) {
      const { defs, uses } = effects(ins);
      for (const u of uses) if (isVirtual(u) && !k.has(u)) g.add(u);
      for (const d of defs) if (isVirtual(d)) k.add(d);
    }
    gen.set(b.id, g);
    kill.set(b.id, k);
  }
  const liveIn = new Map<number, Set<Reg>>(fn.blocks.map((b) => [b.id, new Set<Reg>()]));
  const liveOut = new Map<number, Set<Reg>>(fn.blocks.map((b) => [b.id, new Set<Reg>()]));
  let changed = true;
  while (changed) {
    changed = false;
    for (let i = fn.blocks.length - 1; i >= 0; i--) {
      const b = fn.blocks[i]!;
      const out = liveOut.get(b.id)!;
      for (const s of b.succs) for (const r of liveIn.get(s) ?? []) out.add(r);
      const inn = liveIn.get(b.id)!;
      const before = inn.size;
      for (const r of gen.get(b.id)!) inn.add(r);
      const k = kill.get(b.id)!;
      for (const r of out) if (!k.has(r)) inn.add(r);
      if (inn.size !== before) changed = true;
    }
  }
  return { liveIn, liveOut };
}

export function computeLiveness(fn: MFunction): Liveness {
  const { liveIn, liveOut } = blockLiveness(fn);
  const segments = new Map<Reg, [number, number][]>();
  const fixed = new Map<Reg, [number, number][]>();
  const copies: [Reg, Reg][] = [];
  const copiedIn = new Map<Reg, [number, number, Reg][]>();
  const writes = new Map<Reg, number[]>();
  const addSegment = (map: Map<Reg, [number, number][]>, r: Reg, from: number, to: number): void => {
    let list = map.get(r);
    if (!list) map.set(r, (list = []));
    list.push([from, to]);
  };
  let first = 0;
  for (const b of fn.blocks) {
    const n = b.instrs.length;
    const blockStart = 2 * first;
    const blockEnd = 2 * (first + n - 1) + 1;
    // Backward walk: `open` maps a register to the end of the segment it is live in.
    const open = new Map<Reg, number>();
    for (const r of liveOut.get(b.id)!) open.set(r, blockEnd);
    for (let i = n - 1; i >= 0; i--) {
      const ins = b.instrs[i]!;
      const at = first + i;
      if (isRegCopy(ins)) copies.push([(ins.operands[0] as { reg: Reg }).reg, (ins.operands[1] as { reg: Reg }).reg]);
      else if (isThreeAddress(ins)) {
        const [d, a, b] = ins.operands.map((o) => (o as { reg: Reg }).reg);
        copies.push([d!, a!], [d!, b!]);
      }
      const { defs, uses } = effects(ins);
      for (const d of defs) {
        const from = 2 * at + 1;
        const to = open.get(d) ?? from;
        addSegment(isVirtual(d) ? segments : fixed, d, from, to);
        if (isVirtual(d)) (writes.get(d) ?? writes.set(d, []).get(d)!).push(from);
        else if (isRegCopy(ins)) {
          const source = (ins.operands[1] as { reg: Reg }).reg;
          if (isVirtual(source)) (copiedIn.get(d) ?? copiedIn.set(d, []).get(d)!).push([from, to, source]);
        }
        open.delete(d);
      }
      for (const u of uses) if (!open.has(u)) open.set(u, 2 * at);
    }
    // Live at the block start (live-in virtual registers; a physical register read before any write).
    for (const [r, end] of open) addSegment(isVirtual(r) ? segments : fixed, r, blockStart, end);
    first += n;
  }
  const intervals = new Map<Reg, Interval>();
  for (const [r, list] of segments) {
    list.sort((a, b) => a[0] - b[0]);
    const ranges: [number, number][] = [];
    for (const [a, b] of list) {
      const last = ranges[ranges.length - 1];
      if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
      else ranges.push([a, b]);
    }
    intervals.set(r, { reg: r, start: ranges[0]![0], end: ranges[ranges.length - 1]![1], ranges });
  }
  for (const list of fixed.values()) list.sort((a, b) => a[0] - b[0]);
  return { intervals, fixed, copiedIn, writes, copies, liveIn, liveOut };
}

/**
 * After allocation, before frame layout: for each instruction of each block, the
 * physical registers live after it (ret reads eax; the callee-saved registers the body
 * writes are restored by the epilogue frame layout adds, so none is live at ret).
 */
export function physicalLiveAfter(fn: MFunction): Map<MInstr, Set<Reg>> {
  const rets: Reg[] = [...(fn.returnsValue ? [EAX] : []), ESP];
  const fx = (ins: MInstr): Effects => (ins.op === "ret" ? { defs: [], uses: rets } : effects(ins));
  const liveIn = new Map<number, Set<Reg>>(fn.blocks.map((b) => [b.id, new Set<Reg>()]));
  const walk = (b: MFunction["blocks"][number], record?: Map<MInstr, Set<Reg>>): Set<Reg> => {
    const live = new Set<Reg>();
    for (const s of b.succs) for (const r of liveIn.get(s) ?? []) live.add(r);
    for (let i = b.instrs.length - 1; i >= 0; i--) {
      const ins = b.instrs[i]!;
      record?.set(ins, new Set(live));
      const { defs, uses } = fx(ins);
      for (const d of defs) live.delete(d);
      for (const u of uses) live.add(u);
    }
    return live;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = fn.blocks.length - 1; i >= 0; i--) {
      const b = fn.blocks[i]!;
      const inn = walk(b);
      const old = liveIn.get(b.id)!;
      if (inn.size !== old.size || [...inn].some((r) => !old.has(r))) {
        liveIn.set(b.id, inn);
        changed = true;
      }
    }
  }
  const after = new Map<MInstr, Set<Reg>>();
  for (const b of fn.blocks) walk(b, after);
  return after;
}
