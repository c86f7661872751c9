// Identical cold blocks become one: the bounds-check failures of a function
// (`push line; push msg; call __ts386_bounds_fail; ud2`) with the same message and line,
// one per check in the IR (interp's `execute` had 24), are the same code; every jump to
// a copy goes to the first instead. A block that ends in ud2 has no successor, so the
// copies differ in nothing but their source positions (the line is also an argument).

import type { BlockId } from "../ir.js";
import type { MBlock, MFunction, MInstr } from "./machine.js";

const isCold = (b: MBlock): boolean => b.succs.length === 0 && b.instrs[b.instrs.length - 1]?.op === "ud2";

const code = (ins: MInstr): string =>
  JSON.stringify([ins.op, ins.cond, ins.operands, ins.implicitUses, ins.implicitDefs]);

export function mergeColdBlocks(fn: MFunction): void {
  const first = new Map<string, BlockId>();
  const replace = new Map<BlockId, BlockId>();
  // The entry block stays whatever it is.
  for (const b of fn.blocks.slice(1)) {
    if (!isCold(b)) continue;
    const key = b.instrs.map(code).join("\n");
    const kept = first.get(key);
    if (kept === undefined) first.set(key, b.id);
    else replace.set(b.id, kept);
  }
  if (replace.size === 0) return;
  const to = (id: BlockId): BlockId => replace.get(id) ?? id;
  fn.blocks = fn.blocks.filter((b) => !replace.has(b.id));
  for (const b of fn.blocks) {
    b.succs = [...new Set(b.succs.map(to))];
    for (const ins of b.instrs) for (const o of ins.operands) if (o.kind === "block") o.block = to(o.block);
  }
  for (const t of fn.jumpTables) t.targets = t.targets.map(to);
}
