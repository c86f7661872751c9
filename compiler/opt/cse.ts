// Common-subexpression and redundant-assignment elimination over the CFG
// ("available expressions"): a forward dataflow of facts "temp %h holds the value
// of expression e", met by intersection at joins, killed when %h or an operand of
// e is written. Then `%t = e` where %t already holds e is removed (a loop latch
// recomputing `n - 1 - i` that the preheader computed), and where another temp
// holds e it becomes `%t = copy %h` (the second `j + 1` of `a[j+1] = a[j]`).
// Only pure operations take part; loads never do (memory may change, or be MMIO),
// nor address arithmetic that folds into x86 addressing modes.

import type { Block, BlockId, Instr, IrFunction, Temp } from "../ir.js";
import { formatValue } from "../ir-text.js";
import { successors, tempWritten, valuesRead } from "./ir-uses.js";

interface Fact {
  holder: Temp;
  expr: string;
  reads: Temp[];
}
type Facts = Map<string, Fact>; // keyed by expression: one holder per expression

/** Address arithmetic that instruction selection folds into [base + index*scale + symbol]: cheaper to redo than to keep. */
function foldsIntoAddress(ins: Extract<Instr, { op: "binary" }>): boolean {
  if (ins.kind === "add" && (ins.left.kind === "symbol" || ins.right.kind === "symbol")) return true;
  const c = ins.right.kind === "const" ? ins.right.value : undefined;
  return (ins.kind === "shl" && (c === 1 || c === 2 || c === 3)) || (ins.kind === "mul" && (c === 2 || c === 4 || c === 8));
}

/** A canonical key for a pure instruction's computation, or undefined. */
function expressionOf(ins: Instr): string | undefined {
  switch (ins.op) {
    case "binary": return foldsIntoAddress(ins) ? undefined : `${ins.kind} ${formatValue(ins.left)} ${formatValue(ins.right)}`;
    case "unary": return `${ins.kind} ${formatValue(ins.src)}`;
    case "compare": return `compare.${ins.cond} ${formatValue(ins.left)} ${formatValue(ins.right)}`;
    case "extend": return `extend.${ins.signed ? "s" : "u"}${ins.width} ${formatValue(ins.src)}`;
    default: return undefined;
  }
}

const temps = (ins: Instr): Temp[] => valuesRead(ins).flatMap((v) => (v.kind === "temp" ? [v.temp] : []));

function kill(facts: Facts, t: Temp): void {
  for (const [k, f] of facts) if (f.holder === t || f.reads.includes(t)) facts.delete(k);
}

/** Runs a block under `facts` (mutated to the exit facts); with `rewrite`, returns the rewritten instructions. */
function transfer(b: Block, facts: Facts, rewrite: boolean): Instr[] {
  const out: Instr[] = [];
  for (const ins of b.instrs) {
    const t = tempWritten(ins);
    const e = expressionOf(ins);
    if (t !== undefined && e !== undefined) {
      const reads = temps(ins);
      const held = facts.get(e);
      if (held?.holder === t) continue; // already holds it: nothing changes
      const other = held;
      kill(facts, t);
      if (!reads.includes(t) && !facts.has(e)) facts.set(e, { holder: t, expr: e, reads });
      if (rewrite) out.push(other ? { op: "copy", dst: t, src: { kind: "temp", temp: other.holder }, pos: ins.pos } : ins);
      continue;
    }
    if (t !== undefined) kill(facts, t);
    if (rewrite) out.push(ins);
  }
  return out;
}

export function eliminateCommonSubexpressions(fn: IrFunction): IrFunction {
  const preds = new Map<BlockId, BlockId[]>();
  for (const b of fn.blocks) for (const s of new Set(successors(b.term))) (preds.get(s) ?? preds.set(s, []).get(s)!).push(b.id);
  const exits = new Map<BlockId, Facts>();
  const entry = (b: Block): Facts => {
    if (b === fn.blocks[0]) return new Map();
    let acc: Facts | undefined;
    for (const p of preds.get(b.id) ?? []) {
      const e = exits.get(p);
      if (!e) continue; // not reached yet (optimistic)
      if (!acc) acc = new Map(e);
      else for (const [k, f] of [...acc]) if (e.get(k)?.holder !== f.holder) acc.delete(k);
    }
    return acc ?? new Map();
  };
  for (let changed = true, rounds = 0; changed && rounds < 50; rounds++) {
    changed = false;
    for (const b of fn.blocks) {
      if (b !== fn.blocks[0] && !(preds.get(b.id) ?? []).some((p) => exits.has(p))) continue;
      const facts = entry(b);
      transfer(b, facts, false);
      const old = exits.get(b.id);
      if (!old || old.size !== facts.size || [...facts].some(([k, f]) => old.get(k)?.holder !== f.holder)) {
        exits.set(b.id, facts);
        changed = true;
      }
    }
  }
  return { ...fn, blocks: fn.blocks.map((b) => ({ ...b, instrs: transfer(b, entry(b), true) })) };
}
