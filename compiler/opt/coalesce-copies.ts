// Copy coalescing on the IR: `%t = op ...; ...; %x = copy %t` where %t is a
// temporary used only in this block becomes `%x = op ...` (and later reads of %t
// read %x). The front end lowers every assignment `x = e` this way; afterwards
// `i = i + 1` is one `%i = add %i, 1`, which selects to a single `add`.

import type { Instr, IrFunction, Temp, Value } from "../ir.js";
import { mapValues, tempWritten, useCounts, valuesRead } from "./ir-uses.js";

const reads = (x: Parameters<typeof valuesRead>[0], t: Temp): number =>
  valuesRead(x).filter((v) => v.kind === "temp" && v.temp === t).length;

export function coalesceCopies(fn: IrFunction): IrFunction {
  const uses = useCounts(fn);
  const defs = new Map<Temp, number>();
  for (const b of fn.blocks) for (const ins of b.instrs) {
    const d = tempWritten(ins);
    if (d !== undefined) defs.set(d, (defs.get(d) ?? 0) + 1);
  }
  for (const p of fn.params) defs.set(p, (defs.get(p) ?? 0) + 1);

  const blocks = fn.blocks.map((block) => {
    let instrs: Instr[] = [...block.instrs];
    for (let j = 0; j < instrs.length; j++) {
      const copy = instrs[j]!;
      if (copy.op !== "copy" || copy.src.kind !== "temp") continue;
      const t = copy.src.temp;
      const x = copy.dst;
      if (x === t || defs.get(t) !== 1) continue;
      let i = j - 1;
      while (i >= 0 && tempWritten(instrs[i]!) !== t) i--;
      if (i < 0) continue;
      // x must be neither read nor written between the definition and the copy.
      const between = instrs.slice(i + 1, j);
      if (between.some((ins) => reads(ins, x) > 0 || tempWritten(ins) === x)) continue;
      // Every read of t is in this block after its definition, before x changes again.
      let seen = 0;
      let xChanged = false;
      let ok = true;
      const after = [...instrs.slice(i + 1), block.term];
      for (let k = 0; k < after.length; k++) {
        const ins = after[k]!;
        const r = reads(ins, t);
        if (r > 0 && xChanged && k > j - i - 1) {
          ok = false;
          break;
        }
        seen += r;
        if (k > j - i - 1 && "dst" in ins && ins.dst === x) xChanged = true;
      }
      if (!ok || seen !== uses.get(t)) continue;
      const rename = (v: Value): Value => (v.kind === "temp" && v.temp === t ? { kind: "temp", temp: x } : v);
      const def = { ...instrs[i]!, dst: x } as Instr;
      instrs = [
        ...instrs.slice(0, i),
        def,
        ...instrs.slice(i + 1, j).map((ins) => mapValues(ins, rename)),
        ...instrs.slice(j + 1).map((ins) => mapValues(ins, rename)),
      ];
      block = { ...block, term: mapValues(block.term, rename) };
      // Keep the counts true for later candidates: t's reads are now x's (less the removed copy).
      uses.set(x, (uses.get(x) ?? 0) + (uses.get(t) ?? 0) - 1);
      uses.set(t, 0);
      defs.set(t, 0);
      j--; // the copy is gone: the next instruction is now at j
    }
    return { ...block, instrs };
  });
  return { ...fn, blocks };
}
