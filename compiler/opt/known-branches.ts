// Redundant branch elimination: a compare-and-branch whose outcome is already
// known on every path to it becomes a jump. Facts "a cc b holds" come from the
// edges of earlier compare-branches (the true edge of `if.ult %i, 600` gives
// `%i ult 600`, the false edge its negation) and are propagated forward over the
// CFG, met by intersection at joins and dropped when a temp they mention is
// written. This removes repeated bounds checks of the same index (`a[j]` read,
// then written), and the tests of nested ifs on the same condition.

import type { Block, BlockId, Condition, IrFunction, Terminator, Value } from "../ir.js";
import { formatValue } from "../ir-text.js";
import { successors, tempWritten } from "./ir-uses.js";

const NEGATED: Record<Condition, Condition> = {
  eq: "ne", ne: "eq", lt: "ge", ge: "lt", le: "gt", gt: "le", ult: "uge", uge: "ult", ule: "ugt", ugt: "ule",
};

export interface Fact {
  cond: Condition;
  left: Value;
  right: Value;
}

const key = (f: Fact): string => `${f.cond} ${formatValue(f.left)} ${formatValue(f.right)}`;
const mentions = (f: Fact, t: number): boolean =>
  (f.left.kind === "temp" && f.left.temp === t) || (f.right.kind === "temp" && f.right.temp === t);

type Facts = Map<string, Fact>;

/** Facts that hold along the edge from a block ending in `term` to `target`. */
function edgeFacts(term: Terminator, target: BlockId): Fact[] {
  if (term.op !== "branchCompare" || term.ifTrue === term.ifFalse) return [];
  const f = { cond: term.cond, left: term.left, right: term.right };
  return [target === term.ifTrue ? f : { ...f, cond: NEGATED[f.cond] }];
}

/** Whether `q` follows from the facts: the same comparison, or `x ult c1` for `x ult c2` with c1 <= c2 (unsigned). */
function known(facts: Facts, q: Fact): boolean {
  if (facts.has(key(q))) return true;
  if ((q.cond === "ult" || q.cond === "ule") && q.right.kind === "const") {
    const limit = (q.right.value >>> 0) + (q.cond === "ule" ? 1 : 0);
    for (const f of facts.values()) {
      if (f.cond !== "ult" || f.right.kind !== "const" || key({ ...f, right: q.right, cond: q.cond }) !== key(q)) continue;
      if ((f.right.value >>> 0) <= limit) return true;
    }
  }
  return false;
}

function exitFacts(b: Block, entry: Facts): Facts {
  const out = new Map(entry);
  for (const ins of b.instrs) {
    const t = tempWritten(ins);
    if (t !== undefined) for (const [k, f] of out) if (mentions(f, t)) out.delete(k);
  }
  return out;
}

/** The facts (`a cc b`) that hold at the end of each reached block, before its terminator. */
export function factsAtExits(fn: IrFunction): Map<BlockId, Fact[]> {
  return new Map([...availableFacts(fn)].map(([id, facts]) => [id, [...facts.values()]]));
}

function availableFacts(fn: IrFunction): Map<BlockId, Facts> {
  const preds = new Map<BlockId, Block[]>();
  for (const b of fn.blocks) for (const s of new Set(successors(b.term))) (preds.get(s) ?? preds.set(s, []).get(s)!).push(b);
  const exits = new Map<BlockId, Facts>();
  const entryFacts = (b: Block): Facts => {
    if (b === fn.blocks[0]) return new Map();
    let acc: Facts | undefined;
    for (const p of preds.get(b.id) ?? []) {
      const e = exits.get(p.id);
      if (!e) continue; // not reached yet (optimistic)
      const along = new Map(e);
      for (const f of edgeFacts(p.term, b.id)) along.set(key(f), f);
      if (!acc) acc = along;
      else for (const k of [...acc.keys()]) if (!along.has(k)) acc.delete(k);
    }
    return acc ?? new Map();
  };
  for (let changed = true, rounds = 0; changed && rounds < 50; rounds++) {
    changed = false;
    for (const b of fn.blocks) {
      if (b !== fn.blocks[0] && !(preds.get(b.id) ?? []).some((p) => exits.has(p.id))) continue;
      const exit = exitFacts(b, entryFacts(b));
      const old = exits.get(b.id);
      if (!old || old.size !== exit.size || [...exit.keys()].some((k) => !old.has(k))) {
        exits.set(b.id, exit);
        changed = true;
      }
    }
  }
  return exits;
}

export function removeKnownBranches(fn: IrFunction): IrFunction {
  const exits = availableFacts(fn);
  const blocks = fn.blocks.map((b) => {
    const t = b.term;
    const facts = exits.get(b.id);
    if (t.op !== "branchCompare" || !facts) return b;
    const q = { cond: t.cond, left: t.left, right: t.right };
    if (known(facts, q)) return { ...b, term: { op: "jump", target: t.ifTrue, pos: t.pos } as Terminator };
    if (known(facts, { ...q, cond: NEGATED[q.cond] })) return { ...b, term: { op: "jump", target: t.ifFalse, pos: t.pos } as Terminator };
    return b;
  });
  return { ...fn, blocks };
}
