// Dead-code removal: a backward liveness analysis of temps over the CFG, then
// every instruction whose result is never read and that has no effect of its own
// goes. Loads, stores, calls and intrinsics always stay (memory may be MMIO; calls
// lose only their unused result); a division stays unless its divisor is a
// constant that cannot trap.

import type { Instr, IrFunction, Temp } from "../ir.js";
import { isPureComputation, successors, tempWritten, valuesRead } from "./ir-uses.js";

/** Removable when unused: a copy or a pure computation. */
function removable(ins: Instr): boolean {
  return ins.op === "copy" || isPureComputation(ins);
}

export function removeDeadCode(fn: IrFunction): IrFunction {
  const liveIn = new Map<number, Set<Temp>>(fn.blocks.map((b) => [b.id, new Set<Temp>()]));
  const liveOutOf = (b: IrFunction["blocks"][number]): Set<Temp> => {
    const out = new Set<Temp>();
    for (const s of successors(b.term)) for (const t of liveIn.get(s) ?? []) out.add(t);
    return out;
  };
  const readTemps = (x: Parameters<typeof valuesRead>[0]): Temp[] =>
    valuesRead(x).flatMap((v) => (v.kind === "temp" ? [v.temp] : []));
  // Liveness to a fixed point.
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = fn.blocks.length - 1; i >= 0; i--) {
      const b = fn.blocks[i]!;
      const live = liveOutOf(b);
      for (const t of readTemps(b.term)) live.add(t);
      for (let j = b.instrs.length - 1; j >= 0; j--) {
        const ins = b.instrs[j]!;
        const d = tempWritten(ins);
        if (d !== undefined && !live.has(d) && removable(ins)) continue;
        if (d !== undefined) live.delete(d);
        for (const t of readTemps(ins)) live.add(t);
      }
      const old = liveIn.get(b.id)!;
      if (live.size !== old.size || [...live].some((t) => !old.has(t))) {
        liveIn.set(b.id, live);
        changed = true;
      }
    }
  }
  // Removal under the final liveness.
  const blocks = fn.blocks.map((b) => {
    const live = liveOutOf(b);
    for (const t of readTemps(b.term)) live.add(t);
    const kept: Instr[] = [];
    for (let j = b.instrs.length - 1; j >= 0; j--) {
      let ins = b.instrs[j]!;
      const d = tempWritten(ins);
      if (d !== undefined && !live.has(d)) {
        if (removable(ins)) continue;
        if (ins.op === "call" || ins.op === "intrinsic") ins = { ...ins, dst: undefined };
      }
      if (ins.op === "copy" && ins.src.kind === "temp" && ins.src.temp === ins.dst) continue; // x = x
      if (d !== undefined) live.delete(d);
      for (const t of readTemps(ins)) live.add(t);
      kept.push(ins);
    }
    kept.reverse();
    return { ...b, instrs: kept };
  });
  return { ...fn, blocks };
}
