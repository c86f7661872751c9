// Constant propagation and folding over the CFG (Kildall: a forward dataflow of
// "temp holds constant c" facts, met by agreement at joins, iterated to a fixed
// point), with copy propagation inside each block. Operations on known constants
// become copies of their value, identities (x+0, x*1, x&-1 ...) become copies,
// and branches and switches on known values become jumps.

import type { Block, BlockId, Instr, IrFunction, Temp, Terminator, Value } from "../ir.js";
import { foldBinary, foldCompare, foldExtend, simplifyBinary } from "./fold.js";
import { mapValues, successors, tempWritten } from "./ir-uses.js";

type Facts = Map<Temp, number>;

const constant = (value: number): Value => ({ kind: "const", value: value | 0 });

/** Rewrites one block under the constant facts at its entry; returns the new block and the facts at its exit. */
function transferBlock(block: Block, entry: Facts): { block: Block; exit: Facts } {
  const facts = new Map(entry);
  const copies = new Map<Temp, Value>(); // temp -> the temp or symbol it copies (this block only)
  const resolve = (v: Value): Value => {
    if (v.kind !== "temp") return v;
    const k = facts.get(v.temp);
    if (k !== undefined) return constant(k);
    return copies.get(v.temp) ?? v;
  };
  const kill = (t: Temp): void => {
    facts.delete(t);
    copies.delete(t);
    for (const [k, v] of copies) if (v.kind === "temp" && v.temp === t) copies.delete(k);
  };
  const instrs: Instr[] = [];
  for (const original of block.instrs) {
    let ins = mapValues(original, resolve);
    let known: number | undefined;
    switch (ins.op) {
      case "copy":
        if (ins.src.kind === "const") known = ins.src.value;
        break;
      case "binary": {
        if (ins.left.kind === "const" && ins.right.kind === "const") known = foldBinary(ins.kind, ins.left.value, ins.right.value);
        if (known === undefined) {
          const same = simplifyBinary(ins.kind, ins.left, ins.right);
          if (same) {
            ins = { op: "copy", dst: ins.dst, src: same, pos: ins.pos };
            if (same.kind === "const") known = same.value;
          }
        }
        break;
      }
      case "unary":
        if (ins.src.kind === "const") known = ins.kind === "neg" ? -ins.src.value | 0 : ~ins.src.value;
        break;
      case "compare":
        if (ins.left.kind === "const" && ins.right.kind === "const") known = foldCompare(ins.cond, ins.left.value, ins.right.value) ? 1 : 0;
        break;
      case "extend":
        if (ins.src.kind === "const") known = foldExtend(ins.src.value, ins.width, ins.signed);
        break;
      default:
        break;
    }
    const dst = tempWritten(ins);
    if (dst !== undefined) {
      kill(dst);
      if (known !== undefined) {
        ins = { op: "copy", dst, src: constant(known), pos: ins.pos };
        facts.set(dst, known | 0);
      } else if (ins.op === "copy" && (ins.src.kind === "symbol" || (ins.src.kind === "temp" && ins.src.temp !== dst))) {
        copies.set(dst, ins.src);
      }
    }
    instrs.push(ins);
  }
  const term = foldTerminator(mapValues(block.term, resolve));
  return { block: { id: block.id, instrs, term }, exit: facts };
}

function foldTerminator(t: Terminator): Terminator {
  switch (t.op) {
    case "branch":
      if (t.cond.kind === "const") return { op: "jump", target: t.cond.value !== 0 ? t.ifTrue : t.ifFalse, pos: t.pos };
      if (t.ifTrue === t.ifFalse) return { op: "jump", target: t.ifTrue, pos: t.pos };
      return t;
    case "branchCompare":
      if (t.left.kind === "const" && t.right.kind === "const") {
        return { op: "jump", target: foldCompare(t.cond, t.left.value, t.right.value) ? t.ifTrue : t.ifFalse, pos: t.pos };
      }
      if (t.ifTrue === t.ifFalse) return { op: "jump", target: t.ifTrue, pos: t.pos };
      return t;
    case "switch":
      if (t.value.kind === "const") {
        const i = (t.value.value - t.low) | 0;
        return { op: "jump", target: i >= 0 && i < t.targets.length ? t.targets[i]! : t.otherwise, pos: t.pos };
      }
      return t;
    default:
      return t;
  }
}

function meet(a: Facts, b: Facts): Facts {
  const out = new Map<Temp, number>();
  for (const [t, v] of a) if (b.get(t) === v) out.set(t, v);
  return out;
}

export function propagateConstants(fn: IrFunction): IrFunction {
  const byId = new Map<BlockId, Block>(fn.blocks.map((b) => [b.id, b]));
  const preds = new Map<BlockId, BlockId[]>();
  for (const b of fn.blocks) for (const s of successors(b.term)) (preds.get(s) ?? preds.set(s, []).get(s)!).push(b.id);
  const exits = new Map<BlockId, Facts>(); // absent: not reached yet (optimistic)
  const entryFacts = (b: Block): Facts => {
    if (b.id === fn.blocks[0]!.id) return new Map();
    let acc: Facts | undefined;
    for (const p of preds.get(b.id) ?? []) {
      const e = exits.get(p);
      if (e) acc = acc ? meet(acc, e) : new Map(e);
    }
    return acc ?? new Map();
  };
  const same = (a: Facts, b: Facts): boolean => a.size === b.size && [...a].every(([t, v]) => b.get(t) === v);
  for (let changed = true, rounds = 0; changed && rounds < 100; rounds++) {
    changed = false;
    for (const b of fn.blocks) {
      if (b.id !== fn.blocks[0]!.id && !(preds.get(b.id) ?? []).some((p) => exits.has(p))) continue;
      const { exit } = transferBlock(byId.get(b.id)!, entryFacts(b));
      const old = exits.get(b.id);
      if (!old || !same(old, exit)) {
        exits.set(b.id, exit);
        changed = true;
      }
    }
  }
  const blocks = fn.blocks.map((b) => transferBlock(b, entryFacts(b)).block);
  return { ...fn, blocks };
}
