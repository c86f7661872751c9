// Locals that are another value under a new name. `const f = changetype<T>(frame)` or
// `const a: u32 = readCr2()` lowers to `%f = copy %t`; the optimiser then propagates
// %t into every use of %f and drops %f, and the name would be lost. Found before
// optimising: a named temp written exactly once, by a copy of a temp that is itself
// written once (or a parameter never written), always holds that temp's value once
// assigned, so the debug information describes it at that temp's locations.

import type { IrFunction, IrModule, Temp } from "../ir.js";
import { tempWritten, valuesRead } from "../opt/ir-uses.js";

/** Per function: alias temp -> the temp whose value it always holds. */
export function findAliases(module: IrModule): Map<string, Map<Temp, Temp>> {
  const out = new Map<string, Map<Temp, Temp>>();
  for (const fn of module.functions) {
    const writes = new Map<Temp, number>();
    for (const p of fn.params) writes.set(p, 1);
    const copyOf = new Map<Temp, Temp>();
    for (const b of fn.blocks) {
      for (const ins of b.instrs) {
        const t = tempWritten(ins);
        if (t === undefined) continue;
        writes.set(t, (writes.get(t) ?? 0) + 1);
        if (ins.op === "copy" && ins.src.kind === "temp") copyOf.set(t, ins.src.temp);
      }
    }
    const once = (t: Temp) => writes.get(t) === 1;
    const aliases = new Map<Temp, Temp>();
    for (const x of fn.tempNames.keys()) {
      let t = copyOf.get(x);
      if (t === undefined || !once(x) || fn.params.includes(x)) continue;
      // Follow chains of such copies to the first value.
      const seen = new Set<Temp>([x]);
      while (once(t) && copyOf.has(t) && !fn.params.includes(t) && !seen.has(t)) {
        seen.add(t);
        t = copyOf.get(t)!;
      }
      if (once(t)) aliases.set(x, t);
    }
    if (aliases.size > 0) out.set(fn.name, aliases);
  }
  return out;
}

/** The temps an optimised function still reads or writes. */
export function tempsInUse(fn: IrFunction): Set<Temp> {
  const used = new Set<Temp>(fn.params);
  for (const b of fn.blocks) {
    for (const x of [...b.instrs, b.term]) {
      for (const v of valuesRead(x)) if (v.kind === "temp") used.add(v.temp);
    }
    for (const ins of b.instrs) {
      const t = tempWritten(ins);
      if (t !== undefined) used.add(t);
    }
  }
  return used;
}
