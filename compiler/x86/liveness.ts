// Liveness over the control-flow graph of a machine function, and the live
// intervals the register allocator works with.
//
// Instructions are numbered in layout order; instruction i reads its operands at
// position 2i and writes its results at 2i+1, so a register that dies at i and
// one born at i may share a physical register. A virtual register's interval is
// the single range [first, last] position where it is live (holes ignored).
// Physical registers (named by fixed-register instructions) never live across
// blocks; their exact live ranges are kept so virtual registers avoid them.

import { effects, isRegCopy, isVirtual, type MFunction, type Reg } from "./machine.js";

export interface Interval {
  reg: Reg;
  start: number;
  end: number;
}

export interface Liveness {
  /** One per virtual register that is defined or used. */
  intervals: Map<Reg, Interval>;
  /** Per physical register, the ranges where it holds a value or is overwritten, sorted by start. */
  fixed: Map<Reg, [number, number][]>;
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
  const intervals = new Map<Reg, Interval>();
  const fixed = new Map<Reg, [number, number][]>();
  const copies: [Reg, Reg][] = [];
  const extend = (r: Reg, p: number): void => {
    const iv = intervals.get(r);
    if (!iv) intervals.set(r, { reg: r, start: p, end: p });
    else {
      if (p < iv.start) iv.start = p;
      if (p > iv.end) iv.end = p;
    }
  };
  const addFixed = (r: Reg, from: number, to: number): void => {
    let list = fixed.get(r);
    if (!list) fixed.set(r, (list = []));
    list.push([from, to]);
  };
  let first = 0;
  for (const b of fn.blocks) {
    const n = b.instrs.length;
    const blockStart = 2 * first;
    const blockEnd = 2 * (first + n - 1) + 1;
    for (const r of liveOut.get(b.id)!) extend(r, blockEnd);
    for (const r of liveIn.get(b.id)!) extend(r, blockStart);
    const openPhys = new Map<Reg, number>(); // physical register -> end of its open range
    for (let i = n - 1; i >= 0; i--) {
      const ins = b.instrs[i]!;
      const at = first + i;
      if (isRegCopy(ins)) copies.push([(ins.operands[0] as { reg: Reg }).reg, (ins.operands[1] as { reg: Reg }).reg]);
      const { defs, uses } = effects(ins);
      for (const d of defs) {
        if (isVirtual(d)) extend(d, 2 * at + 1);
        else {
          addFixed(d, 2 * at + 1, openPhys.get(d) ?? 2 * at + 1);
          openPhys.delete(d);
        }
      }
      for (const u of uses) {
        if (isVirtual(u)) extend(u, 2 * at);
        else if (!openPhys.has(u)) openPhys.set(u, 2 * at);
      }
    }
    // A physical register read before any write in the block: live from the block start.
    for (const [r, end] of openPhys) addFixed(r, blockStart, end);
    first += n;
  }
  for (const list of fixed.values()) list.sort((a, b) => a[0] - b[0]);
  return { intervals, fixed, copies, liveIn, liveOut };
}

/** Whether [start, end] overlaps any of the sorted ranges. */
export function overlapsAny(ranges: [number, number][] | undefined, start: number, end: number): boolean {
  if (!ranges) return false;
  for (const [a, b] of ranges) {
    if (a > end) return false;
    if (b >= start) return true;
  }
  return false;
}
