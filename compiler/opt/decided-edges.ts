// Tests decided on some incoming edges: a block that only tests (a loop's rotated
// header re-checking a bounds check, `if.ult %j, LIMIT`) may be decided by the
// ranges along one predecessor edge though not along all (the latch has just
// tested `%j < LIMIT` and `%j` only grew from a non-negative value; the loop's
// entry knows nothing). That edge then jumps straight to the outcome, so the
// check runs once per entry into the loop instead of once per iteration. The
// test block reads only values its predecessor leaves, so the ranges along the
// edge hold when it would run.

import type { BlockId, IrFunction } from "../ir.js";
import { mapTargets } from "./ir-uses.js";
import { testsDecidedAlongEdges } from "./ranges.js";

export function threadDecidedEdges(fn: IrFunction): IrFunction {
  const decided = testsDecidedAlongEdges(fn);
  if (decided.length === 0) return fn;
  const byFrom = new Map<BlockId, Map<BlockId, BlockId>>();
  for (const { from, test, target } of decided) (byFrom.get(from) ?? byFrom.set(from, new Map()).get(from)!).set(test, target);
  const blocks = fn.blocks.map((b) => {
    const redirect = byFrom.get(b.id);
    return redirect ? { ...b, term: mapTargets(b.term, (t) => redirect.get(t) ?? t) } : b;
  });
  return { ...fn, blocks };
}
