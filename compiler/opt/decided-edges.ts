// Tests decided on some incoming edges: a block that tests (a loop's rotated
// header re-checking a bounds check, `if.ult %j, LIMIT`, maybe after an
// instruction or two) may be decided by the
// ranges along one predecessor edge though not along all (the latch has just
// tested `%j < LIMIT` and `%j` only grew from a non-negative value; the loop's
// entry knows nothing). That edge then jumps straight to the outcome, so the
// check runs once per entry into the loop instead of once per iteration. The
// test block reads only values its predecessor leaves, so the ranges along the
// edge hold when it would run.

import type { Block, BlockId, IrFunction } from "../ir.js";
import { dominators, predecessorIds } from "./dominators.js";
import { mapTargets } from "./ir-uses.js";
import { testsDecidedAlongEdges } from "./ranges.js";

/** A test block with up to this many (pure) instructions is copied for the decided edge, as loop rotation does. */
const MAX_COPIED_INSTRUCTIONS = 2;

export function threadDecidedEdges(fn: IrFunction): IrFunction {
  const decided = testsDecidedAlongEdges(fn, MAX_COPIED_INSTRUCTIONS);
  if (decided.length === 0) return fn;
  const byId = new Map(fn.blocks.map((b) => [b.id, b]));
  const dom = dominators(fn, predecessorIds(fn));
  let nextBlock = Math.max(...fn.blocks.map((b) => b.id)) + 1;
  const added: Block[] = [];
  const byFrom = new Map<BlockId, Map<BlockId, BlockId>>();
  for (const { from, test, target } of decided) {
    const t = byId.get(test)!;
    let to = target;
    if (t.instrs.length > 0) {
      // Copies only for back edges (a loop header's test, paid every iteration) and
      // plain jumps (the copy joins the predecessor: no extra jump), not for one side
      // of a branch, where the copy would only add code. The test's instructions
      // still run on this edge (their results may be read later).
      if (!dom.get(from)?.has(test) && byId.get(from)!.term.op !== "jump") continue;
      to = nextBlock++;
      added.push({ id: to, instrs: t.instrs, term: { op: "jump", target, pos: t.term.pos } });
    }
    (byFrom.get(from) ?? byFrom.set(from, new Map()).get(from)!).set(test, to);
  }
  const blocks = fn.blocks.map((b) => {
    const redirect = byFrom.get(b.id);
    return redirect ? { ...b, term: mapTargets(b.term, (t) => redirect.get(t) ?? t) } : b;
  });
  return { ...fn, blocks: [...blocks, ...added] };
}
