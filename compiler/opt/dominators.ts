// Dominators: block d dominates b when every path from the entry to b passes d.
// Computed by iterating over reverse postorder (functions are small); used to find
// natural loops (a back edge goes to a block that dominates its source).

import type { BlockId, IrFunction } from "../ir.js";
import { successors } from "./ir-uses.js";

/** Dominator sets by iteration over reverse postorder (functions are small). */
export function dominators(fn: IrFunction, preds: Map<BlockId, BlockId[]>): Map<BlockId, Set<BlockId>> {
  const order: BlockId[] = [];
  const seen = new Set<BlockId>();
  const byId = new Map(fn.blocks.map((b) => [b.id, b]));
  const visit = (id: BlockId): void => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const s of successors(byId.get(id)!.term)) visit(s);
    order.push(id);
  };
  visit(fn.blocks[0]!.id);
  order.reverse();
  const all = new Set(order);
  const dom = new Map<BlockId, Set<BlockId>>(order.map((id) => [id, id === order[0] ? new Set([id]) : new Set(all)]));
  for (let changed = true; changed; ) {
    changed = false;
    for (const id of order.slice(1)) {
      let acc: Set<BlockId> | undefined;
      for (const p of preds.get(id) ?? []) {
        const d = dom.get(p);
        if (!d) continue; // unreachable predecessor
        acc = acc ? new Set([...acc].filter((x) => d.has(x))) : new Set(d);
      }
      const next = new Set(acc ?? []);
      next.add(id);
      const old = dom.get(id)!;
      if (next.size !== old.size) {
        dom.set(id, next);
        changed = true;
      }
    }
  }
  return dom;
}


/** The predecessors of every block, each edge once. */
export function predecessorIds(fn: IrFunction): Map<BlockId, BlockId[]> {
  const preds = new Map<BlockId, BlockId[]>();
  for (const b of fn.blocks) for (const s of new Set(successors(b.term))) (preds.get(s) ?? preds.set(s, []).get(s)!).push(b.id);
  return preds;
}

export interface NaturalLoop {
  header: BlockId;
  body: Set<BlockId>;
}

/** One natural loop per back edge b -> h (h dominates b): h and every block that reaches b without passing h. */
export function naturalLoops(fn: IrFunction, preds: Map<BlockId, BlockId[]>, dom: Map<BlockId, Set<BlockId>>): NaturalLoop[] {
  const loops: NaturalLoop[] = [];
  for (const b of fn.blocks) {
    for (const h of successors(b.term)) {
      if (!dom.get(b.id)?.has(h)) continue; // not a back edge
      const body = new Set<BlockId>([h]);
      const stack = [b.id];
      while (stack.length > 0) {
        const x = stack.pop()!;
        if (body.has(x)) continue;
        body.add(x);
        stack.push(...(preds.get(x) ?? []));
      }
      loops.push({ header: h, body });
    }
  }
  return loops;
}

/** The natural loops by header: loops sharing a header (several back edges) are one loop. */
export function loopsByHeader(fn: IrFunction, preds: Map<BlockId, BlockId[]>, dom: Map<BlockId, Set<BlockId>>): Map<BlockId, Set<BlockId>> {
  const bodies = new Map<BlockId, Set<BlockId>>();
  for (const l of naturalLoops(fn, preds, dom)) {
    const b = bodies.get(l.header) ?? bodies.set(l.header, new Set()).get(l.header)!;
    for (const x of l.body) b.add(x);
  }
  return bodies;
}

export interface EnteredLoop {
  header: BlockId;
  body: Set<BlockId>;
  /** The header's one predecessor outside the loop. */
  preheader: BlockId;
  /** No other loop's header inside its body. */
  innermost: boolean;
}

/** The loops (merged by header) entered from exactly one block outside them. */
export function loopsWithPreheader(fn: IrFunction, preds: Map<BlockId, BlockId[]>): EnteredLoop[] {
  const bodies = loopsByHeader(fn, preds, dominators(fn, preds));
  const loops: EnteredLoop[] = [];
  for (const [header, body] of bodies) {
    const outside = (preds.get(header) ?? []).filter((p) => !body.has(p));
    if (outside.length !== 1) continue;
    const innermost = ![...bodies.keys()].some((h) => h !== header && body.has(h));
    loops.push({ header, body, preheader: outside[0]!, innermost });
  }
  return loops;
}
