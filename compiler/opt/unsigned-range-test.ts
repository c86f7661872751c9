// `x < 0 || x >= N` as one unsigned compare: for a constant N >= 0, a signed x is
// outside [0, N) exactly when x >=u N (a negative x is a huge unsigned value).
// Matched on the CFG: a block testing the sign of a temp whose non-negative edge
// goes to a block that only tests the same temp against N, and whose negative
// edge goes where that test's `x >= N` edge goes, then ends in
// `if.ult x, N (below) (outside)`. The second block stays for any other
// predecessor. Only temps: `p.x < 0 || p.x >= N` reads the field twice, and both
// reads stay (docs/language.md).

import type { Block, BlockId, IrFunction, Temp, Terminator } from "../ir.js";

/** A signed test of a temp against a constant, as `x < bound`: where each outcome goes. */
interface LessThan {
  temp: Temp;
  bound: number;
  less: BlockId;
  notLess: BlockId;
}

function asLessThan(t: Terminator): LessThan | undefined {
  if (t.op !== "branchCompare") return undefined;
  let { cond, left, right, ifTrue, ifFalse } = t;
  if (left.kind === "const" && right.kind === "temp") {
    [left, right] = [right, left];
    cond = ({ lt: "gt", gt: "lt", le: "ge", ge: "le" } as Record<string, typeof cond>)[cond] ?? cond;
  }
  if (left.kind !== "temp" || right.kind !== "const") return undefined;
  const c = right.value;
  switch (cond) {
    case "lt": return { temp: left.temp, bound: c, less: ifTrue, notLess: ifFalse };
    case "ge": return { temp: left.temp, bound: c, less: ifFalse, notLess: ifTrue };
    case "le": return c < 0x7fffffff ? { temp: left.temp, bound: c + 1, less: ifTrue, notLess: ifFalse } : undefined;
    case "gt": return c < 0x7fffffff ? { temp: left.temp, bound: c + 1, less: ifFalse, notLess: ifTrue } : undefined;
    default: return undefined;
  }
}

export function mergeSignAndBoundTests(fn: IrFunction): IrFunction {
  const byId = new Map(fn.blocks.map((b) => [b.id, b]));
  let changed = false;
  const blocks = fn.blocks.map((a): Block => {
    const sign = asLessThan(a.term);
    if (!sign || sign.bound !== 0) return a;
    const b = byId.get(sign.notLess)!;
    const bound = b !== a && b.instrs.length === 0 ? asLessThan(b.term) : undefined;
    if (!bound || bound.temp !== sign.temp || bound.bound < 0 || bound.notLess !== sign.less) return a;
    changed = true;
    const x = { kind: "temp" as const, temp: sign.temp };
    return { ...a, term: { op: "branchCompare", cond: "ult", left: x, right: { kind: "const", value: bound.bound }, ifTrue: bound.less, ifFalse: bound.notLess, pos: a.term.pos } };
  });
  return changed ? { ...fn, blocks } : fn;
}
