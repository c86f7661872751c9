// A narrow store writes only the low bytes of its value, so a truncation (`extend`
// of at least the store's width) just before it changes nothing the store writes:
// `%t = extend.u8 %x; store.8 [m], %t` stores %x (dead-code removal then drops the
// extend). The store itself stays exactly as written (same address, width, order).

import type { Instr, IrFunction } from "../ir.js";
import { tempWritten } from "./ir-uses.js";

export function storeUntruncated(fn: IrFunction): IrFunction {
  const blocks = fn.blocks.map((b) => {
    let changed = false;
    const instrs = b.instrs.map((ins, i): Instr => {
      if (ins.op !== "store" || ins.width === 4 || ins.value.kind !== "temp") return ins;
      const v = ins.value.temp;
      let j = i - 1;
      while (j >= 0 && tempWritten(b.instrs[j]!) !== v) j--;
      const def = b.instrs[j];
      if (!def || def.op !== "extend" || def.width < ins.width) return ins;
      const src = def.src;
      // the source must still hold its value at the store
      if (src.kind === "temp" && b.instrs.slice(j + 1, i).some((x) => tempWritten(x) === src.temp)) return ins;
      changed = true;
      return { ...ins, value: src };
    });
    return changed ? { ...b, instrs } : b;
  });
  return { ...fn, blocks };
}
