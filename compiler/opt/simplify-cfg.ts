// Control-flow graph simplification:
//  - jumps to empty blocks that only jump on go straight to the final target;
//  - a block reached only by a jump from its one predecessor is merged into it;
//  - loops are rotated: a jump to a small loop header that only tests a condition
//    is replaced by a copy of that test, so each iteration ends with one
//    conditional branch back to the body instead of a jump to the test;
//  - blocks no longer reachable from the entry are removed, and the rest renumbered
//    so that blocks[i].id === i.

import type { Block, BlockId, IrFunction } from "../ir.js";
import { mapTargets, predecessorCounts, successors } from "./ir-uses.js";

/** Largest loop header (in instructions, besides its branch) that rotation copies. */
const MAX_DUPLICATED_HEADER = 2;

function threadJumps(blocks: Block[]): Block[] {
  const byId = new Map(blocks.map((b) => [b.id, b]));
  const entry = blocks[0]!.id;
  const finalTarget = (id: BlockId): BlockId => {
    const seen = new Set<BlockId>();
    let cur = id;
    for (;;) {
      const b = byId.get(cur)!;
      if (b.id === entry || b.instrs.length > 0 || b.term.op !== "jump" || seen.has(cur)) return cur;
      seen.add(cur);
      cur = b.term.target;
    }
  };
  return blocks.map((b) => ({ ...b, term: mapTargets(b.term, finalTarget) }));
}

function removeUnreachable(blocks: Block[]): Block[] {
  const byId = new Map(blocks.map((b) => [b.id, b]));
  const reached = new Set<BlockId>();
  const stack = [blocks[0]!.id];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (reached.has(id)) continue;
    reached.add(id);
    stack.push(...successors(byId.get(id)!.term));
  }
  return blocks.filter((b) => reached.has(b.id));
}

function mergeChains(fn: IrFunction): Block[] {
  let blocks = fn.blocks;
  for (let merged = true; merged; ) {
    merged = false;
    const preds = predecessorCounts({ ...fn, blocks });
    const byId = new Map(blocks.map((b) => [b.id, b]));
    for (const a of blocks) {
      if (a.term.op !== "jump") continue;
      const b = byId.get(a.term.target)!;
      if (b === a || b.id === blocks[0]!.id || preds.get(b.id) !== 1) continue;
      const joined: Block = { id: a.id, instrs: [...a.instrs, ...b.instrs], term: b.term };
      blocks = blocks.filter((x) => x !== b).map((x) => (x === a ? joined : x));
      merged = true;
      break;
    }
  }
  return blocks;
}

function rotateLoops(blocks: Block[]): Block[] {
  const byId = new Map(blocks.map((b) => [b.id, b]));
  return blocks.map((a) => {
    if (a.term.op !== "jump") return a;
    const h = byId.get(a.term.target)!;
    const conditional = h.term.op === "branch" || h.term.op === "branchCompare";
    if (h === a || !conditional || h.instrs.length > MAX_DUPLICATED_HEADER) return a;
    // A load may be copied: each run of the test still performs it once, as written.
    if (h.instrs.some((i) => i.op === "call" || i.op === "intrinsic" || i.op === "store")) return a;
    // Only back edges (the header comes first in layout order): the loop entry keeps its jump.
    if (blocks.indexOf(h) > blocks.indexOf(a)) return a;
    return { ...a, instrs: [...a.instrs, ...h.instrs], term: h.term };
  });
}

/** Block ids become their indices again (blocks[i].id === i), as the front end makes them. */
function renumber(blocks: Block[]): Block[] {
  const index = new Map(blocks.map((b, i) => [b.id, i]));
  return blocks.map((b, i) => ({ ...b, id: i, term: mapTargets(b.term, (t) => index.get(t)!) }));
}

export function simplifyCfg(fn: IrFunction): IrFunction {
  let blocks = removeUnreachable(threadJumps(fn.blocks));
  blocks = mergeChains({ ...fn, blocks });
  blocks = removeUnreachable(rotateLoops(blocks));
  return { ...fn, blocks: renumber(blocks) };
}
