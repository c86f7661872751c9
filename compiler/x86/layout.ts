// Block layout: orders a function's blocks so that the likely successor of each
// block comes right after it (and the branch to it disappears in the peephole
// pass). Chains are grown greedily from the entry: after a block comes its first
// successor not yet placed (the taken side of a loop test or bounds check first,
// as the front end names them), never a cold block; cold blocks (those ending in
// ud2: panics after calls that do not return) go to the end.

import type { MBlock, MFunction } from "./machine.js";

const isCold = (b: MBlock): boolean => b.instrs[b.instrs.length - 1]?.op === "ud2";

export function layoutBlocks(fn: MFunction): void {
  const byId = new Map(fn.blocks.map((b) => [b.id, b]));
  const placed = new Set<number>();
  const order: MBlock[] = [];
  const place = (b: MBlock): void => {
    placed.add(b.id);
    order.push(b);
  };
  let cur: MBlock | undefined = fn.blocks[0];
  while (cur) {
    place(cur);
    const next: MBlock | undefined = cur.succs.map((s) => byId.get(s)!).find((s) => !placed.has(s.id) && !isCold(s));
    cur = next ?? fn.blocks.find((b) => !placed.has(b.id) && !isCold(b)) ?? fn.blocks.find((b) => !placed.has(b.id));
  }
  fn.blocks = order;
}
