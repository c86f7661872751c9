// Compare-and-branch fusion: `%t = compare.cc a, b` whose only reader is the
// block's `if %t` becomes `if.cc a, b` (instruction selection then emits cmp + jcc
// instead of cmp + setcc + test + jcc).

import type { Condition, Instr, IrFunction, Terminator } from "../ir.js";
import { tempWritten, useCounts } from "./ir-uses.js";

const NEGATED: Record<Condition, Condition> = {
  eq: "ne", ne: "eq", lt: "ge", ge: "lt", le: "gt", gt: "le", ult: "uge", uge: "ult", ule: "ugt", ugt: "ule",
};

export function fuseCompareBranches(fn: IrFunction): IrFunction {
  const uses = useCounts(fn);
  const blocks = fn.blocks.map((b) => {
    const term = b.term;
    let cond: number | undefined;
    let negate = false;
    if (term.op === "branch" && term.cond.kind === "temp") cond = term.cond.temp;
    else if (term.op === "branchCompare" && (term.cond === "ne" || term.cond === "eq") && term.left.kind === "temp" &&
             term.right.kind === "const" && term.right.value === 0) {
      cond = term.left.temp;
      negate = term.cond === "eq";
    }
    if (cond === undefined || uses.get(cond) !== 1 || term.op === "jump" || term.op === "switch" || term.op === "return" || term.op === "unreachable") return b;
    let i = b.instrs.length - 1;
    while (i >= 0 && tempWritten(b.instrs[i]!) !== cond) i--;
    const def = b.instrs[i];
    if (!def || def.op !== "compare") return b;
    // The compared values must be unchanged between the compare and the branch.
    const operands = [def.left, def.right].flatMap((v) => (v.kind === "temp" ? [v.temp] : []));
    if (b.instrs.slice(i + 1).some((x: Instr) => operands.includes(tempWritten(x) ?? -1))) return b;
    const fused: Terminator = {
      op: "branchCompare",
      cond: negate ? NEGATED[def.cond] : def.cond,
      left: def.left,
      right: def.right,
      ifTrue: term.ifTrue,
      ifFalse: term.ifFalse,
      pos: term.pos ?? def.pos,
    };
    return { ...b, instrs: b.instrs.filter((_, j) => j !== i), term: fused };
  });
  return { ...fn, blocks };
}
