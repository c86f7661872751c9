// Bounds checks implied by a relation and a range: `if (i < n) { … a[i] }` with
// `0 <= i` and `n <= a.length` known by their ranges needs no `i ult length`,
// even when the bound on n is learnt after the test of `i < n` (then range
// analysis alone, which narrowed i by n's range at the test, misses it). The
// relations are the facts of known-branches (`i lt n` from the edge of an earlier
// compare-branch, dropped when either temp is written); the ranges are those of
// ranges.ts, at the same point: the end of the block holding the check.

import type { Condition, IrFunction, Temp, Terminator, Value } from "../ir.js";
import type { Fact } from "./known-branches.js";
import { factsAtExits } from "./known-branches.js";
import { type Range, rangesAtExits } from "./ranges.js";

const FULL: Range = [-0x80000000, 0x7fffffff];
const SWAPPED: Partial<Record<Condition, Condition>> = { lt: "gt", gt: "lt", le: "ge", ge: "le", ult: "ugt", ugt: "ult", ule: "uge", uge: "ule" };

/** The largest value `i` can have given the fact (i below n) and n's range; undefined if the fact says nothing. */
function upperBound(fact: Fact, i: Temp, ranges: ReadonlyMap<Temp, Range>): number | undefined {
  let { cond, left, right } = fact;
  const isI = (v: Value): boolean => v.kind === "temp" && v.temp === i;
  if (isI(right) && !isI(left)) {
    const swapped = SWAPPED[cond];
    if (!swapped) return undefined;
    [left, right, cond] = [right, left, swapped];
  }
  if (!isI(left) || right.kind !== "temp") return undefined;
  const [lo, hi] = ranges.get(right.temp) ?? FULL;
  const [iLo] = ranges.get(i) ?? FULL;
  switch (cond) {
    case "lt": return iLo >= 0 ? hi - 1 : undefined; // 0 <= i < n <= hi
    case "le": return iLo >= 0 ? hi : undefined;
    case "ult": return lo >= 0 ? hi - 1 : undefined; // i <u n, n in [0, hi]: 0 <= i < hi
    case "ule": return lo >= 0 ? hi : undefined;
    default: return undefined;
  }
}

export function removeChecksImpliedByRelations(fn: IrFunction): IrFunction {
  const checks = fn.blocks.filter((b) => b.term.op === "branchCompare" && b.term.cond === "ult" && b.term.left.kind === "temp" && b.term.right.kind === "const");
  if (checks.length === 0) return fn;
  const facts = factsAtExits(fn);
  const ranges = rangesAtExits(fn);
  const decided = new Set<number>();
  for (const b of checks) {
    const t = b.term as Extract<Terminator, { op: "branchCompare" }>;
    const i = (t.left as { temp: Temp }).temp;
    const limit = (t.right as { value: number }).value;
    const r = ranges.get(b.id);
    if (limit <= 0 || !r) continue;
    for (const f of facts.get(b.id) ?? []) {
      const hi = upperBound(f, i, r);
      if (hi !== undefined && hi < limit) {
        decided.add(b.id);
        break;
      }
    }
  }
  if (decided.size === 0) return fn;
  const blocks = fn.blocks.map((b) => {
    if (!decided.has(b.id)) return b;
    const t = b.term as Extract<Terminator, { op: "branchCompare" }>;
    return { ...b, term: { op: "jump", target: t.ifTrue, pos: t.pos } as Terminator };
  });
  return { ...fn, blocks };
}
