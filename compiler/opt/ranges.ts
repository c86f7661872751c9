// Integer range analysis and the branches it decides. Each temp gets a signed
// 32-bit range [lo, hi], propagated forward over the CFG: instructions compute
// result ranges from operand ranges (no wrap-around: a result that could wrap is
// unknown), compare-branch edges narrow their operand (the true edge of
// `if.lt %i, 71` gives %i <= 70), joins take the hull, and a range that keeps
// growing at a join is widened to the next constant the function compares with
// (so a loop counter settles after a few rounds), then a few narrowing rounds take
// back what widening overshot. A compare-branch whose outcome
// the ranges decide becomes a jump (and a cast or mask that cannot change its
// operand becomes a copy): this removes the bounds check of
// `for (i = 0; i < a.length; i++) a[i]` over a constant-length array, since
// 0 <= i < length makes `i ult length` always true.

import type { Block, BlockId, Condition, Instr, IrFunction, Temp, Terminator, Value } from "../ir.js";
import { dominators, naturalLoops, predecessorIds } from "./dominators.js";
import { successors, tempWritten } from "./ir-uses.js";

export type Range = [number, number];
type Ranges = Map<Temp, Range>; // absent: any int32

const MIN = -0x80000000;
const MAX = 0x7fffffff;
const FULL: Range = [MIN, MAX];

const NEGATED: Record<Condition, Condition> = {
  eq: "ne", ne: "eq", lt: "ge", ge: "lt", le: "gt", gt: "le", ult: "uge", uge: "ult", ule: "ugt", ugt: "ule",
};
const SWAPPED: Record<Condition, Condition> = {
  eq: "eq", ne: "ne", lt: "gt", gt: "lt", le: "ge", ge: "le", ult: "ugt", ugt: "ult", ule: "uge", uge: "ule",
};

function rangeOf(v: Value, r: Ranges): Range {
  if (v.kind === "const") return [v.value, v.value];
  if (v.kind === "temp") return r.get(v.temp) ?? FULL;
  return FULL;
}

const fits = (lo: number, hi: number): Range => (lo >= MIN && hi <= MAX && lo <= hi ? [lo, hi] : FULL);

function instrRange(ins: Instr, r: Ranges): Range {
  switch (ins.op) {
    case "copy": return rangeOf(ins.src, r);
    case "compare": return [0, 1];
    case "extend": return ins.signed ? (ins.width === 1 ? [-128, 127] : [-32768, 32767]) : ins.width === 1 ? [0, 255] : [0, 65535];
    case "load":
      if (ins.width === 4) return FULL;
      return ins.signed ? (ins.width === 1 ? [-128, 127] : [-32768, 32767]) : ins.width === 1 ? [0, 255] : [0, 65535];
    case "intrinsic":
      return ins.name === "inb" ? [0, 255] : ins.name === "inw" ? [0, 65535] : FULL;
    case "binary": {
      const [a, b] = rangeOf(ins.left, r);
      const [c, d] = rangeOf(ins.right, r);
      const k = ins.right.kind === "const" ? ins.right.value : undefined;
      switch (ins.kind) {
        case "add": return fits(a + c, b + d);
        case "sub": return fits(a - d, b - c);
        case "mul":
          if (k !== undefined && k >= 0) return fits(a * k, b * k);
          return ins.left.kind === "const" && ins.left.value >= 0 ? fits(c * ins.left.value, d * ins.left.value) : FULL;
        case "and":
          if (a >= 0 && c >= 0) return [0, Math.min(b, d)];
          if (a >= 0) return [0, b];
          if (c >= 0) return [0, d];
          return FULL;
        case "shr":
          if (k === undefined || (k & 31) === 0) return FULL;
          return a >= 0 ? [a >>> (k & 31), b >>> (k & 31)] : [0, 0xffffffff >>> (k & 31)];
        case "sar": return k === undefined ? FULL : [a >> (k & 31), b >> (k & 31)];
        case "remu": return k !== undefined && k > 0 ? [0, k - 1] : FULL;
        case "divu": return k !== undefined && k > 0 && a >= 0 ? [Math.floor(a / k), Math.floor(b / k)] : FULL;
        case "rems": {
          if (k === undefined || k === 0 || k === MIN) return FULL;
          const m = Math.abs(k) - 1;
          return a >= 0 ? [0, m] : [-m, m];
        }
        default: return FULL;
      }
    }
    default: return FULL;
  }
}

function transfer(b: Block, entry: Ranges): Ranges {
  const r = new Map(entry);
  for (const ins of b.instrs) {
    const t = tempWritten(ins);
    if (t === undefined) continue;
    const range = instrRange(ins, r);
    if (range[0] === MIN && range[1] === MAX) r.delete(t);
    else r.set(t, range);
  }
  return r;
}

/** The range of `x` given that `x cond c` holds (undefined: the edge is never taken). */
function narrow([lo, hi]: Range, cond: Condition, c: number): Range | undefined {
  let out: Range = [lo, hi];
  switch (cond) {
    case "lt": out = [lo, Math.min(hi, c - 1)]; break;
    case "le": out = [lo, Math.min(hi, c)]; break;
    case "gt": out = [Math.max(lo, c + 1), hi]; break;
    case "ge": out = [Math.max(lo, c), hi]; break;
    case "eq": out = [Math.max(lo, c), Math.min(hi, c)]; break;
    case "ne":
      if (lo === c) out = [lo + 1, hi];
      else if (hi === c) out = [lo, hi - 1];
      break;
    case "ult": case "ule": {
      // x below an unsigned bound that is a non-negative int32: 0 <= x <= bound.
      const bound = cond === "ult" ? c - 1 : c;
      if (c >= 0 && bound >= 0) out = [Math.max(lo, 0), Math.min(hi, bound)];
      else if (cond === "ult" && c === 0) return undefined;
      break;
    }
    case "ugt": case "uge":
      // x above an unsigned bound: only narrows when x is known non-negative.
      if (lo >= 0 && c >= 0) out = [Math.max(lo, cond === "ugt" ? c + 1 : c), hi];
      break;
  }
  return out[0] > out[1] ? undefined : out;
}

/** Ranges along the edge from a block (exit ranges `r`) ending in `term` to `target`; undefined if impossible. */
function edge(term: Terminator, target: BlockId, r: Ranges): Ranges | undefined {
  if (term.op !== "branchCompare" || term.ifTrue === term.ifFalse) return r;
  let { cond, left, right } = term;
  if (left.kind === "const" && right.kind === "temp") [left, right, cond] = [right, left, SWAPPED[cond]];
  const holds = target === term.ifTrue ? cond : NEGATED[cond];
  if (left.kind === "temp" && right.kind === "temp") return edgeBetweenTemps(left.temp, holds, right.temp, r);
  if (left.kind !== "temp" || right.kind !== "const") return r;
  const n = narrow(rangeOf(left, r), holds, right.value);
  if (!n) return undefined;
  const out = new Map(r);
  out.set(left.temp, n);
  return out;
}

/** `x cond y` between two temps: each is narrowed by the other's bound (x < y <= hi(y): x <= hi(y) - 1). */
function edgeBetweenTemps(x: Temp, cond: Condition, y: Temp, r: Ranges): Ranges | undefined {
  const out = new Map(r);
  for (const [a, c, b] of [[x, cond, y], [y, SWAPPED[cond], x]] as const) {
    const [lo, hi] = rangeOf({ kind: "temp", temp: b }, r);
    let bound: number | undefined;
    if (c === "lt" || c === "le") bound = hi;
    else if (c === "gt" || c === "ge") bound = lo;
    else if ((c === "ult" || c === "ule") && lo >= 0) bound = hi; // b is non-negative: a <u b <= hi
    if (bound === undefined) continue;
    const n = narrow(rangeOf({ kind: "temp", temp: a }, out), c, bound);
    if (!n) return undefined;
    out.set(a, n);
  }
  return out;
}

/**
 * Ranges of the arguments of each direct call, joined over the calls (by callee
 * name), from this function's ranges (its parameters given `params`).
 */
export function callArgumentRanges(fn: IrFunction, params?: (Range | undefined)[]): Map<string, Range[]> {
  const { entries } = analyse(fn, params);
  const out = new Map<string, Range[]>();
  for (const b of fn.blocks) {
    const entry = entries.get(b.id);
    if (!entry) continue;
    const r = new Map(entry);
    for (const ins of b.instrs) {
      if (ins.op === "call" && ins.callee.kind === "symbol") {
        const args = ins.args.map((a) => rangeOf(a, r));
        const prev = out.get(ins.callee.name);
        out.set(ins.callee.name, prev && prev.length === args.length ? prev.map((p, i) => [Math.min(p[0], args[i]![0]), Math.max(p[1], args[i]![1])]) : args);
      }
      const t = tempWritten(ins);
      if (t === undefined) continue;
      const range = instrRange(ins, r);
      if (range[0] === MIN && range[1] === MAX) r.delete(t);
      else r.set(t, range);
    }
  }
  return out;
}

/** Whether `x cond c` is always true (true), always false (false), or either (undefined). */
function decide([lo, hi]: Range, cond: Condition, c: number): boolean | undefined {
  switch (cond) {
    case "lt": return hi < c ? true : lo >= c ? false : undefined;
    case "le": return hi <= c ? true : lo > c ? false : undefined;
    case "gt": return lo > c ? true : hi <= c ? false : undefined;
    case "ge": return lo >= c ? true : hi < c ? false : undefined;
    case "eq": return lo === c && hi === c ? true : c < lo || c > hi ? false : undefined;
    case "ne": { const eq = decide([lo, hi], "eq", c); return eq === undefined ? undefined : !eq; }
    case "ult": case "ule": case "ugt": case "uge": {
      // Comparable as signed when both sides are non-negative; a negative c is a huge unsigned bound.
      if (lo < 0) return undefined;
      if (c < 0) return cond === "ult" || cond === "ule";
      const signed = { ult: "lt", ule: "le", ugt: "gt", uge: "ge" } as const;
      return decide([lo, hi], signed[cond], c);
    }
  }
}

/** Casts and masks that cannot change their operand (`u8(48 + digit)` with digit < 10) become copies. */
function withoutNoOpNarrowing(instrs: Instr[], entry: Ranges): Instr[] {
  const r = new Map(entry);
  return instrs.map((ins) => {
    let out = ins;
    if (ins.op === "extend") {
      const [lo, hi] = rangeOf(ins.src, r);
      const bits = ins.width * 8;
      const [min, max] = ins.signed ? [-(2 ** (bits - 1)), 2 ** (bits - 1) - 1] : [0, 2 ** bits - 1];
      if (lo >= min && hi <= max) out = { op: "copy", dst: ins.dst, src: ins.src, pos: ins.pos };
    } else if (ins.op === "binary" && ins.kind === "and" && ins.right.kind === "const") {
      const [lo, hi] = rangeOf(ins.left, r);
      const m = ins.right.value;
      if (m >= 0 && (m & (m + 1)) === 0 && lo >= 0 && hi <= m) out = { op: "copy", dst: ins.dst, src: ins.left, pos: ins.pos };
    }
    const t = tempWritten(ins);
    if (t !== undefined) {
      const range = instrRange(ins, r);
      if (range[0] === MIN && range[1] === MAX) r.delete(t);
      else r.set(t, range);
    }
    return out;
  });
}

/** The fixed point: each reached block's entry and exit ranges (parameters start in `params`). */
function analyse(fn: IrFunction, params?: (Range | undefined)[]): { entries: Map<BlockId, Ranges>; exits: Map<BlockId, Ranges> } {
  const preds = new Map<BlockId, Block[]>();
  for (const b of fn.blocks) for (const s of new Set(successors(b.term))) (preds.get(s) ?? preds.set(s, []).get(s)!).push(b);
  // Widening thresholds: the constants compare-branches use (and their neighbours).
  const thresholds = new Set<number>([MIN, -1, 0, MAX]);
  for (const b of fn.blocks) {
    if (b.term.op !== "branchCompare") continue;
    for (const v of [b.term.left, b.term.right]) if (v.kind === "const") for (const d of [-1, 0, 1]) thresholds.add(Math.min(MAX, Math.max(MIN, v.value + d)));
  }
  const sorted = [...thresholds].sort((a, b) => a - b);
  const widen = ([lo, hi]: Range, [oldLo, oldHi]: Range): Range => [
    lo < oldLo ? sorted.filter((x) => x <= lo).pop()! : lo,
    hi > oldHi ? sorted.find((x) => x >= hi)! : hi,
  ];

  // Widening applies at a loop header only to temps written inside its loop (a
  // loop counter); a value computed before the loop just follows its inputs.
  const predIds = predecessorIds(fn);
  const byId = new Map(fn.blocks.map((b) => [b.id, b]));
  const writtenInLoop = new Map<BlockId, Set<Temp>>();
  for (const { header, body } of naturalLoops(fn, predIds, dominators(fn, predIds))) {
    const temps = writtenInLoop.get(header) ?? writtenInLoop.set(header, new Set()).get(header)!;
    for (const x of body) for (const ins of byId.get(x)!.instrs) {
      const t = tempWritten(ins);
      if (t !== undefined) temps.add(t);
    }
  }
  const entries = new Map<BlockId, Ranges>();
  const growth = new Map<BlockId, Map<Temp, number>>();
  const exits = new Map<BlockId, Ranges>();
  // The parameters' ranges hold at entry only if nothing jumps back to the entry block.
  const start: Ranges = new Map();
  if (!preds.has(fn.blocks[0]!.id)) params?.forEach((p, i) => { if (p) start.set(fn.params[i]!, p); });
  const entryOf = (b: Block): Ranges | undefined => {
    if (b === fn.blocks[0]) return new Map(start);
    let acc: Ranges | undefined;
    for (const p of preds.get(b.id) ?? []) {
      const e = exits.get(p.id);
      if (!e) continue;
      const along = edge(p.term, b.id, e);
      if (!along) continue;
      if (!acc) acc = new Map(along);
      else {
        for (const [t, [lo, hi]] of [...acc]) {
          const o = along.get(t);
          if (!o) acc.delete(t);
          else acc.set(t, [Math.min(lo, o[0]), Math.max(hi, o[1])]);
        }
      }
    }
    return acc;
  };
  for (let changed = true, rounds = 0; changed; rounds++) {
    if (rounds > 400) return { entries: new Map(), exits: new Map() }; // no fixed point: decide nothing
    changed = false;
    for (const b of fn.blocks) {
      let entry = entryOf(b);
      if (!entry) continue;
      const old = entries.get(b.id);
      if (old) {
        // Keep only what both rounds bound (never narrow during the ascent); a range
        // that grows here a third time is widened (values from outside a loop settle
        // in one step and stay exact; a loop counter is widened to its bound).
        const w: Ranges = new Map();
        const counts = growth.get(b.id) ?? growth.set(b.id, new Map()).get(b.id)!;
        for (const [t, r] of entry) {
          const o = old.get(t);
          if (!o) continue;
          const hull: Range = [Math.min(r[0], o[0]), Math.max(r[1], o[1])];
          if (hull[0] === o[0] && hull[1] === o[1]) {
            w.set(t, hull);
            continue;
          }
          const n = (counts.get(t) ?? 0) + 1;
          counts.set(t, n);
          w.set(t, n >= 3 && writtenInLoop.get(b.id)?.has(t) ? widen(hull, o) : hull);
        }
        entry = w;
        const same = entry.size === old.size && [...entry].every(([t, r]) => old.get(t)?.[0] === r[0] && old.get(t)?.[1] === r[1]);
        if (same) continue;
      }
      entries.set(b.id, entry);
      exits.set(b.id, transfer(b, entry));
      changed = true;
    }
  }
  // Narrowing: widening may overshoot (an inner loop's `j = i - 1` widened to the
  // outer bound while `i` was still growing). From the fixed point, a few plain rounds
  // (joins without hull against the old state, no widening) only tighten and stay sound.
  for (let round = 0; round < 3; round++) {
    for (const b of fn.blocks) {
      const entry = entryOf(b);
      if (!entry) continue;
      entries.set(b.id, entry);
      exits.set(b.id, transfer(b, entry));
    }
  }
  return { entries, exits };
}

/**
 * The analysis behind each function removeBranchesDecidedByRanges returned: still
 * sound for it (decided branches became jumps, no-op casts copies; the blocks are the
 * same), so the passes after it need not run the fixed point again.
 */
const analysed = new WeakMap<IrFunction, { entries: Map<BlockId, Ranges>; exits: Map<BlockId, Ranges> }>();

/** The range of each temp at the end of each reached block, before its terminator (absent: any int32). */
export function rangesAtExits(fn: IrFunction): Map<BlockId, ReadonlyMap<Temp, Range>> {
  return (analysed.get(fn) ?? analyse(fn)).exits;
}

/** The target a compare-branch takes whenever the ranges `r` hold (undefined: either). */
function decidedTarget(t: Terminator, r: Ranges): BlockId | undefined {
  if (t.op !== "branchCompare") return undefined;
  let { cond, left, right } = t;
  if (left.kind === "const" && right.kind === "temp") [left, right, cond] = [right, left, SWAPPED[cond]];
  if (left.kind !== "temp" || right.kind !== "const") return undefined;
  const d = decide(rangeOf(left, r), cond, right.value);
  return d === undefined ? undefined : d ? t.ifTrue : t.ifFalse;
}

/** Decides the compare-branches the ranges decide (the parameters start in `params`: every call's arguments). */
export function removeBranchesDecidedByRanges(fn: IrFunction, params?: (Range | undefined)[]): IrFunction {
  const { entries, exits } = analyse(fn, params);
  const blocks = fn.blocks.map((block) => {
    const entry = entries.get(block.id);
    const b = entry ? { ...block, instrs: withoutNoOpNarrowing(block.instrs, entry) } : block;
    const r = exits.get(b.id);
    const target = r && decidedTarget(b.term, r);
    return target === undefined ? b : { ...b, term: { op: "jump", target, pos: b.term.pos } as Terminator };
  });
  const out = { ...fn, blocks };
  if (!params) analysed.set(out, { entries, exits });
  return out;
}

/**
 * For each block that ends in a compare-branch after at most `maxInstrs` pure
 * instructions, and each predecessor edge along which the ranges decide the test:
 * where the test goes then (`from` -> `test` can become `from` -> a copy of the
 * test's instructions -> `target`).
 */
export function testsDecidedAlongEdges(fn: IrFunction, maxInstrs: number): { from: BlockId; test: BlockId; target: BlockId }[] {
  const { exits } = analysed.get(fn) ?? analyse(fn);
  const out: { from: BlockId; test: BlockId; target: BlockId }[] = [];
  const pure = (b: Block): boolean => b.instrs.every((i) => i.op !== "call" && i.op !== "intrinsic" && i.op !== "load" && i.op !== "store");
  const tests = new Map(fn.blocks.filter((b) => b.instrs.length <= maxInstrs && pure(b) && b.term.op === "branchCompare").map((b) => [b.id, b]));
  for (const p of fn.blocks) {
    const r = exits.get(p.id);
    if (!r) continue;
    for (const s of new Set(successors(p.term))) {
      const test = tests.get(s);
      const along = test && edge(p.term, s, r);
      const target = along && decidedTarget(test.term, transfer(test, along));
      if (target !== undefined && target !== s) out.push({ from: p.id, test: s, target });
    }
  }
  return out;
}
