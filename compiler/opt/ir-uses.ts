// What IR instructions and terminators read, write and jump to: the facts every
// pass (and instruction selection) needs about the IR, in one place.

import type { BlockId, Instr, IrFunction, Temp, Terminator, Value } from "../ir.js";

/** Values an instruction or terminator reads, in operand order. */
export function valuesRead(x: Instr | Terminator): Value[] {
  switch (x.op) {
    case "copy": case "unary": case "extend": return [x.src];
    case "binary": case "compare": case "branchCompare": return [x.left, x.right];
    case "load": return [x.address];
    case "store": return [x.address, x.value];
    case "call": return [x.callee, ...x.args];
    case "intrinsic": return x.args;
    case "branch": return [x.cond];
    case "switch": return [x.value];
    case "return": return x.value ? [x.value] : [];
    case "jump": case "unreachable": return [];
  }
}

/** The temp an instruction writes, if any. */
export function tempWritten(x: Instr): Temp | undefined {
  return x.op === "store" ? undefined : x.dst;
}

/**
 * A computation without effects that cannot trap: arithmetic, compares and extensions,
 * and divisions only by a constant that is neither 0 nor (signed) -1. Such an
 * instruction may be removed when its result is unused, or moved out of a loop.
 * Loads, stores, calls and intrinsics never are (memory accesses happen as written).
 */
export function isPureComputation(x: Instr): boolean {
  switch (x.op) {
    case "unary": case "compare": case "extend": return true;
    case "binary":
      if (x.kind === "divs" || x.kind === "rems") return x.right.kind === "const" && x.right.value !== 0 && x.right.value !== -1;
      if (x.kind === "divu" || x.kind === "remu") return x.right.kind === "const" && x.right.value !== 0;
      return true;
    default:
      return false;
  }
}

/** Rewrites the values an instruction or terminator reads (returns a new object). */
export function mapValues<T extends Instr | Terminator>(x: T, f: (v: Value) => Value): T {
  const y = { ...x } as Instr | Terminator;
  switch (y.op) {
    case "copy": case "unary": case "extend": y.src = f(y.src); break;
    case "binary": case "compare": case "branchCompare": y.left = f(y.left); y.right = f(y.right); break;
    case "load": y.address = f(y.address); break;
    case "store": y.address = f(y.address); y.value = f(y.value); break;
    case "call": y.callee = f(y.callee); y.args = y.args.map(f); break;
    case "intrinsic": y.args = y.args.map(f); break;
    case "branch": y.cond = f(y.cond); break;
    case "switch": y.value = f(y.value); break;
    case "return": if (y.value) y.value = f(y.value); break;
    case "jump": case "unreachable": break;
  }
  return y as T;
}

export function successors(t: Terminator): BlockId[] {
  switch (t.op) {
    case "jump": return [t.target];
    case "branch": case "branchCompare": return [t.ifTrue, t.ifFalse];
    case "switch": return [...t.targets, t.otherwise];
    case "return": case "unreachable": return [];
  }
}

/** Rewrites the blocks a terminator jumps to (returns a new object). */
export function mapTargets(t: Terminator, f: (b: BlockId) => BlockId): Terminator {
  switch (t.op) {
    case "jump": return { ...t, target: f(t.target) };
    case "branch": case "branchCompare": return { ...t, ifTrue: f(t.ifTrue), ifFalse: f(t.ifFalse) };
    case "switch": return { ...t, targets: t.targets.map(f), otherwise: f(t.otherwise) };
    case "return": case "unreachable": return t;
  }
}

export function predecessorCounts(fn: IrFunction): Map<BlockId, number> {
  const n = new Map<BlockId, number>();
  for (const b of fn.blocks) for (const s of new Set(successors(b.term))) n.set(s, (n.get(s) ?? 0) + 1);
  return n;
}

/** How many times each temp is read in the function. */
export function useCounts(fn: IrFunction): Map<Temp, number> {
  const n = new Map<Temp, number>();
  for (const b of fn.blocks) {
    for (const x of [...b.instrs, b.term]) for (const v of valuesRead(x)) if (v.kind === "temp") n.set(v.temp, (n.get(v.temp) ?? 0) + 1);
  }
  return n;
}
