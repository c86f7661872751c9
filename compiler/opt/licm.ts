// Loop-invariant code motion. Natural loops come from back edges (a jump to a
// block that dominates its source); a pure instruction inside a loop whose
// operands are not written in the loop, and whose result temp has no other
// definition in the function, moves to the end of the loop's one outside
// predecessor (before its terminator). Pure here means it cannot trap, so running
// it even when the loop body would not run is harmless. `i * N` in the inner loop
// of a matrix product is computed once per row.

import type { Block, BlockId, Instr, IrFunction, Temp } from "../ir.js";
import { dominators, naturalLoops, predecessorIds } from "./dominators.js";
import { isPureComputation, tempWritten, valuesRead } from "./ir-uses.js";

export function hoistLoopInvariants(fn: IrFunction): IrFunction {
  const preds = predecessorIds(fn);
  const dom = dominators(fn, preds);
  const defs = new Map<Temp, number>();
  for (const b of fn.blocks) for (const ins of b.instrs) {
    const t = tempWritten(ins);
    if (t !== undefined) defs.set(t, (defs.get(t) ?? 0) + 1);
  }
  for (const p of fn.params) defs.set(p, (defs.get(p) ?? 0) + 1);

  // Natural loops, innermost (smallest) first.
  const loops = naturalLoops(fn, preds, dom);
  loops.sort((a, b) => a.body.size - b.body.size);

  const blocks = new Map<BlockId, Block>(fn.blocks.map((b) => [b.id, { ...b, instrs: [...b.instrs] }]));
  for (const { header, body } of loops) {
    const outside = (preds.get(header) ?? []).filter((p) => !body.has(p) && dom.has(p));
    if (outside.length !== 1) continue;
    const pre = blocks.get(outside[0]!)!;
    const writtenInLoop = new Set<Temp>();
    for (const id of body) for (const ins of blocks.get(id)!.instrs) {
      const t = tempWritten(ins);
      if (t !== undefined) writtenInLoop.add(t);
    }
    const hoisted: Instr[] = [];
    for (let moved = true; moved; ) {
      moved = false;
      for (const id of body) {
        const b = blocks.get(id)!;
        b.instrs = b.instrs.filter((ins) => {
          const t = tempWritten(ins);
          if (t === undefined || !isPureComputation(ins) || defs.get(t) !== 1) return true;
          if (valuesRead(ins).some((v) => v.kind === "temp" && writtenInLoop.has(v.temp))) return true;
          hoisted.push(ins);
          writtenInLoop.delete(t);
          moved = true;
          return false;
        });
      }
    }
    pre.instrs.push(...hoisted);
  }
  return { ...fn, blocks: fn.blocks.map((b) => blocks.get(b.id)!) };
}
