// Interprocedural ranges: a non-exported function called only directly (its address
// never taken) starts with each parameter in the hull of the ranges its calls pass,
// computed by each caller's range analysis (compiler/opt/ranges.ts). `siftDown(start,
// COUNT)` and `siftDown(0, end)` with `end < COUNT` give `end <= COUNT`, which with
// `child < end` decides the callee's bounds checks. Runs after the per-function passes
// (the callers' ranges are then the sharpest), then cleans up the callee.

import type { IrFunction, IrModule } from "../ir.js";
import { removeDeadCode } from "./dce.js";
import { valuesRead } from "./ir-uses.js";
import { callArgumentRanges, removeBranchesDecidedByRanges, type Range } from "./ranges.js";
import { simplifyCfg } from "./simplify-cfg.js";

/** Non-exported functions with parameters whose every use is a direct call with all arguments. */
function directlyCalledOnly(m: IrModule): Set<string> {
  const arity = new Map(m.functions.filter((f) => !f.exported && f.params.length > 0).map((f) => [f.name, f.params.length]));
  for (const f of m.functions) {
    for (const b of f.blocks) {
      for (const x of [...b.instrs, b.term]) {
        const direct = x.op === "call" && x.callee.kind === "symbol" && x.callee.offset === 0 ? x : undefined;
        for (const v of valuesRead(x)) if (v.kind === "symbol" && (!direct || v !== direct.callee)) arity.delete(v.name);
        if (direct && direct.callee.kind === "symbol" && arity.get(direct.callee.name) !== direct.args.length) arity.delete(direct.callee.name);
      }
    }
  }
  for (const d of m.data) for (const r of d.relocations) arity.delete(r.symbol);
  return new Set(arity.keys());
}

export function propagateArgumentRanges(m: IrModule): IrModule {
  const candidates = directlyCalledOnly(m);
  const joined = new Map<string, Range[]>();
  // Only callers of a candidate need their range analysis (the costly part of this pass).
  const callsCandidate = (f: IrFunction): boolean =>
    f.blocks.some((b) => b.instrs.some((i) => i.op === "call" && i.callee.kind === "symbol" && candidates.has(i.callee.name)));
  for (const f of m.functions) {
    if (!callsCandidate(f)) continue;
    for (const [callee, args] of callArgumentRanges(f)) {
      if (!candidates.has(callee)) continue;
      const prev = joined.get(callee);
      joined.set(callee, prev ? prev.map((p, i) => [Math.min(p[0], args[i]![0]), Math.max(p[1], args[i]![1])]) : args);
    }
  }
  const functions = m.functions.map((f): IrFunction => {
    const params = candidates.has(f.name) ? joined.get(f.name) : undefined;
    if (!params) return f;
    const decided = removeBranchesDecidedByRanges(f, params);
    return decided === f ? f : removeDeadCode(simplifyCfg(decided));
  });
  return { ...m, functions };
}
