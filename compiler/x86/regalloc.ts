// Register allocation by linear scan (Poletto & Sarkar; active and inactive sets
// as in Wimmer & Franz, so values share registers through lifetime holes) over the live intervals
// of compiler/x86/liveness.ts, with
//  - fixed-register constraints: a virtual register never gets a physical register
//    whose fixed ranges (division, shifts by cl, port I/O, call arguments and
//    clobbers, return value) overlap its interval, so values live across a call
//    land in callee-saved registers;
//  - register classes: setcc results and byte stores need al/cl/dl/bl;
//  - copy coalescing by preference: a register takes the register of the value it
//    was copied from (or to) when that one is free, so the copy becomes `mov r, r`
//    and the peephole pass deletes it;
//  - spilling: when no register is free, the interval that ends last is spilled to
//    a stack slot (spill.ts rewrites its uses and definitions) and allocation runs
//    again, until everything fits.

import { computeLiveness, covers, intersects, type Interval, type Liveness } from "./liveness.js";
import {
  ALLOCATABLE, BYTE_REGS, CALLEE_SAVED, CALLER_SAVED, isVirtual, mapRegs,
  type MFunction, type Reg,
} from "./machine.js";
import { insertSpillCode } from "./spill.js";
import { recordVariableHomes } from "../debug/variable-homes.js";

interface ScanResult {
  assignment: Map<Reg, Reg>;
  spilled: Set<Reg>;
}

function linearScan(fn: MFunction, live: Liveness): ScanResult {
  const assignment = new Map<Reg, Reg>();
  const spilled = new Set<Reg>();
  const partners = new Map<Reg, Reg[]>();
  for (const [d, s] of live.copies) {
    if (isVirtual(d)) (partners.get(d) ?? partners.set(d, []).get(d)!).push(s);
    if (isVirtual(s)) (partners.get(s) ?? partners.set(s, []).get(s)!).push(d);
  }
  // Physical-register hints: the intervals copied to or from a physical register (a shift
  // count moved to ecx, an argument to eax). A value with no preference of its own leaves
  // such a register to them while they are still to be allocated.
  const hinted = new Map<Reg, Interval[]>();
  for (const [v, ps] of partners) {
    const iv = live.intervals.get(v);
    if (!iv) continue;
    for (const p of ps) if (!isVirtual(p)) (hinted.get(p) ?? hinted.set(p, []).get(p)!).push(iv);
  }
  const calleeUsed = new Set<Reg>();
  const order = [...live.intervals.values()].sort((a, b) => a.start - b.start || a.reg - b.reg);
  // active: live at the current position; inactive: started, not finished, in a lifetime hole now.
  let active: Interval[] = [];
  let inactive: Interval[] = [];
  const fixedIntervals = new Map<Reg, Interval>();
  for (const [r, ranges] of live.fixed) {
    if (ranges.length > 0) fixedIntervals.set(r, { reg: r, start: ranges[0]![0], end: Math.max(...ranges.map((x) => x[1])), ranges });
  }
  // A fixed range that starts with a copy of the value itself (`mov ecx, v` before a shift by
  // cl) does not exclude v from that register, as long as v is not written in it: v held in
  // ecx already is the count, and the copy becomes `mov ecx, ecx`, which the peephole deletes.
  const ownCopies = (r: Reg, v: Reg): [number, number][] => {
    const w = live.writes.get(v) ?? [];
    return (live.copiedIn.get(r) ?? [])
      .filter(([from, to, source]) => source === v && !w.some((p) => p > from && p <= to))
      .map(([from, to]) => [from, to]);
  };
  const fitsFixed = (r: Reg, iv: Interval): boolean => {
    const f = fixedIntervals.get(r);
    if (!f || !intersects(f, iv)) return true;
    const own = ownCopies(r, iv.reg);
    if (own.length === 0) return false;
    const others = f.ranges.filter(([a, b]) => !own.some(([c, d]) => a === c && b === d));
    return others.length === 0 || !intersects({ reg: r, start: others[0]![0], end: Math.max(...others.map((x) => x[1])), ranges: others }, iv);
  };
  // Every interval given a register so far (a relocation must not overlap any of them).
  const allocated: Interval[] = [];
  /** A register other than `r` free for the whole of `h` (none of whose holders is `h`). */
  const relocation = (h: Interval, r: Reg): Reg | undefined => {
    const allowedH = fn.byteClass.has(h.reg) ? BYTE_REGS : ALLOCATABLE;
    const preference = [...CALLER_SAVED, ...CALLEE_SAVED.filter((x) => calleeUsed.has(x)), ...CALLEE_SAVED.filter((x) => !calleeUsed.has(x))];
    return preference.find((x) => x !== r && allowedH.includes(x) && fitsFixed(x, h) &&
      !allocated.some((a) => a !== h && assignment.get(a.reg) === x && intersects(a, h)));
  };

  for (const cur of order) {
    const pos = cur.start;
    const stillActive: Interval[] = [];
    const stillInactive: Interval[] = [];
    for (const a of [...active, ...inactive]) {
      if (a.end < pos) continue;
      (covers(a, pos) ? stillActive : stillInactive).push(a);
    }
    active = stillActive;
    inactive = stillInactive;
    const allowed = fn.byteClass.has(cur.reg) ? BYTE_REGS : ALLOCATABLE;
    const busy = new Set(active.map((a) => assignment.get(a.reg)!));
    for (const a of inactive) if (intersects(a, cur)) busy.add(assignment.get(a.reg)!);
    const free = (r: Reg): boolean => allowed.includes(r) && !busy.has(r) && fitsFixed(r, cur);
    let chosen: Reg | undefined;
    for (const p of partners.get(cur.reg) ?? []) {
      const r = isVirtual(p) ? assignment.get(p) : p;
      if (r !== undefined && free(r)) {
        chosen = r;
        break;
      }
    }
    if (chosen === undefined) {
      const preference = [
        ...CALLER_SAVED,
        ...CALLEE_SAVED.filter((r) => calleeUsed.has(r)),
        ...CALLEE_SAVED.filter((r) => !calleeUsed.has(r)),
      ];
      const wanted = (r: Reg): boolean =>
        (hinted.get(r) ?? []).some((h) => h !== cur && !assignment.has(h.reg) && !spilled.has(h.reg) && intersects(h, cur));
      chosen = preference.find((r) => free(r) && !wanted(r)) ?? preference.find(free);
    }
    if (chosen === undefined) {
      // Never spill while a register is free: a byte-class value may find al/cl/dl/bl all
      // taken while esi/edi/ebp are unused; move a holder of one of them there instead.
      for (const r of allowed) {
        if (!fitsFixed(r, cur)) continue;
        const holders = [...active, ...inactive].filter((a) => assignment.get(a.reg) === r && intersects(a, cur));
        if (holders.length !== 1) continue;
        const to = relocation(holders[0]!, r);
        if (to === undefined) continue;
        assignment.set(holders[0]!.reg, to);
        if (CALLEE_SAVED.includes(to)) calleeUsed.add(to);
        chosen = r;
        break;
      }
    }
    if (chosen === undefined) {
      // Spill: free the usable register whose occupants (across cur) end last, if
      // that is later than cur ends; otherwise spill cur itself.
      let best: { reg: Reg; end: number; holders: Interval[] } | undefined;
      for (const r of allowed) {
        if (!fitsFixed(r, cur)) continue;
        const holders = [...active, ...inactive].filter((a) => assignment.get(a.reg) === r && intersects(a, cur));
        if (holders.some((h) => fn.unspillable.has(h.reg))) continue;
        const end = Math.max(...holders.map((h) => h.end));
        if (!best || end > best.end) best = { reg: r, end, holders };
      }
      if (best && (best.end > cur.end || fn.unspillable.has(cur.reg))) {
        chosen = best.reg;
        for (const h of best.holders) {
          assignment.delete(h.reg);
          spilled.add(h.reg);
        }
        active = active.filter((a) => assignment.has(a.reg));
        inactive = inactive.filter((a) => assignment.has(a.reg));
      } else {
        if (fn.unspillable.has(cur.reg)) throw new Error(`register allocation failed in ${fn.name}: no register for a reload`);
        spilled.add(cur.reg);
        continue;
      }
    }
    assignment.set(cur.reg, chosen);
    allocated.push(cur);
    if (CALLEE_SAVED.includes(chosen)) calleeUsed.add(chosen);
    active.push(cur);
  }
  return { assignment, spilled };
}

/** Replaces every virtual register of `fn` by a physical one, spilling as needed. */
export function allocateRegisters(fn: MFunction): void {
  for (let round = 0; ; round++) {
    if (round > 50) throw new Error(`register allocation did not converge in ${fn.name}`);
    const live = computeLiveness(fn);
    const { assignment, spilled } = linearScan(fn, live);
    if (spilled.size > 0) {
      insertSpillCode(fn, spilled);
      continue;
    }
    recordVariableHomes(fn, live, assignment);
    for (const b of fn.blocks) {
      for (const ins of b.instrs) {
        mapRegs(ins, (r) => {
          if (!isVirtual(r)) return r;
          const p = assignment.get(r);
          if (p === undefined) throw new Error(`virtual register ${r} of ${fn.name} has no register`);
          return p;
        });
      }
    }
    return;
  }
}
