// Counted loops that count up to zero: `for (i = a; i < B; i += s)` whose counter is
// read only by address arithmetic (or by value where that is paid for, below) runs a
// new counter j = i - B from a - B up to 0 instead. Each read of i becomes j + B, which
// the address folds into its displacement (`[eax*2 + screen + 3840]`), and the exit
// test `i < B` becomes `j != 0`, which the back end answers with the flags of the
// increment: the latch is `add; jne` with no `cmp`.
//
// Why `!=` is exact: the loop's only writes of i are `i += s` each followed, in the
// same block, by the test, whose false edge leaves the loop; so the tests see
// a + s, a + 2s, ... and, as (B - a) is a multiple of s and a < B, they reach B
// exactly, never passing it. On those values `i < B` and `i != B` agree. a < B is
// known from constants, or (B in a temp, s = 1) from the guard that branches into the
// loop. i must be dead where the loop exits (it is no longer counted).

import type { Block, BlockId, Condition, Instr, IrFunction, Temp, Terminator, Value } from "../ir.js";
import { loopsWithPreheader, predecessorIds } from "./dominators.js";
import { rewriteOneAtATime } from "./one-at-a-time.js";
import { mapValues, successors, tempWritten, useCounts, valuesRead } from "./ir-uses.js";

const isTemp = (v: Value, t: Temp): boolean => v.kind === "temp" && v.temp === t;
const reads = (x: Instr | Terminator, t: Temp): boolean => valuesRead(x).some((v) => isTemp(v, t));

/** `i = add i, s` (either operand order) with a positive constant s: its step, else undefined. */
function stepOf(ins: Instr, i: Temp): number | undefined {
  if (ins.op !== "binary" || ins.kind !== "add" || ins.dst !== i) return undefined;
  const k = isTemp(ins.left, i) ? ins.right : isTemp(ins.right, i) ? ins.left : undefined;
  return k?.kind === "const" && k.value > 0 ? k.value : undefined;
}

/** Is `t` live at the start of `start`? (a search along paths from there until t is written) */
function liveAt(fn: IrFunction, byId: Map<BlockId, Block>, start: BlockId, t: Temp): boolean {
  const seen = new Set<BlockId>();
  const stack = [start];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const b = byId.get(id)!;
    let written = false;
    for (const ins of b.instrs) {
      if (reads(ins, t)) return true;
      if (tempWritten(ins) === t) {
        written = true;
        break;
      }
    }
    if (written) continue;
    if (reads(b.term, t)) return true;
    stack.push(...successors(b.term));
  }
  return false;
}

/** The constant `t` holds at the end of block `id`, following single predecessors back. */
function constantAtEnd(byId: Map<BlockId, Block>, preds: Map<BlockId, BlockId[]>, id: BlockId, t: Temp): number | undefined {
  for (let depth = 0; depth < 8; depth++) {
    const b = byId.get(id)!;
    for (let k = b.instrs.length - 1; k >= 0; k--) {
      const ins = b.instrs[k]!;
      if (tempWritten(ins) !== t) continue;
      return ins.op === "copy" && ins.src.kind === "const" ? ins.src.value : undefined;
    }
    const p = preds.get(id) ?? [];
    if (p.length !== 1) return undefined;
    id = p[0]!;
  }
  return undefined;
}

/** Does `i` hold `v` at the end of block `id` (v is i, the constant i holds, or what the block last copied into i)? */
function holdsAtEnd(byId: Map<BlockId, Block>, preds: Map<BlockId, BlockId[]>, id: BlockId, i: Temp, v: Value): boolean {
  if (isTemp(v, i)) return true;
  if (v.kind === "const") return constantAtEnd(byId, preds, id, i) === v.value;
  const instrs = byId.get(id)!.instrs;
  const last = instrs.map(tempWritten).lastIndexOf(i);
  const def = instrs[last];
  return def?.op === "copy" && v.kind === "temp" && isTemp(def.src, v.temp) && !instrs.slice(last + 1).some((x) => tempWritten(x) === v.temp);
}

interface Candidate {
  header: BlockId;
  body: Set<BlockId>;
  preheader: BlockId;
  i: Temp;
  /** B: a constant, or a temp the loop does not write (then the step is 1 and a guard `i < B` precedes the loop). */
  bound: Value;
  cond: Condition;
}

export function countLoopsToZero(fn: IrFunction): IrFunction {
  return rewriteOneAtATime(fn, findCandidate, rewrite);
}

function findCandidate(fn: IrFunction): Candidate | undefined {
  const preds = predecessorIds(fn);
  const byId = new Map(fn.blocks.map((b) => [b.id, b]));
  const uses = useCounts(fn);
  for (const { header, body, preheader } of loopsWithPreheader(fn, preds)) {
    const tested = new Set<Temp>();
    for (const id of body) {
      const t = byId.get(id)!.term;
      if (t.op === "branchCompare" && (t.cond === "lt" || t.cond === "ult") && t.left.kind === "temp" && t.right.kind !== "symbol") tested.add(t.left.temp);
    }
    for (const i of tested) {
      const c = check(fn, byId, preds, uses, header, body, preheader, i);
      if (c) return c;
    }
  }
  return undefined;
}

/** Is terminator `t` an exit test `i < B` / `i <u B` (B a constant or temp) whose false edge leaves the loop? */
function exitTest(t: Terminator, i: Temp, body: Set<BlockId>): t is Extract<Terminator, { op: "branchCompare" }> {
  return t.op === "branchCompare" && isTemp(t.left, i) && (t.cond === "lt" || t.cond === "ult") && t.right.kind !== "symbol"
    && !isTemp(t.right, i) && !body.has(t.ifFalse) && body.has(t.ifTrue);
}

const sameValue = (a: Value, b: Value): boolean =>
  a.kind === b.kind && (a.kind === "const" ? a.value === (b as typeof a).value : a.kind === "temp" ? a.temp === (b as typeof a).temp : false);

function check(
  fn: IrFunction, byId: Map<BlockId, Block>, preds: Map<BlockId, BlockId[]>, uses: Map<Temp, number>,
  header: BlockId, body: Set<BlockId>, preheader: BlockId, i: Temp,
): Candidate | undefined {
  // The bound and the step: every write of i in the loop is `i += s` (one s), followed
  // in its block, with no other write between, by an exit test `i < B` (one B).
  let step: number | undefined;
  let bound: Value | undefined;
  let cond: Condition | undefined;
  for (const id of body) {
    const b = byId.get(id)!;
    const last = b.instrs.map(tempWritten).lastIndexOf(i);
    if (last < 0) continue;
    const s = stepOf(b.instrs[last]!, i);
    if (s === undefined || (step !== undefined && s !== step) || b.instrs.slice(0, last).some((x) => tempWritten(x) === i)) return undefined;
    step = s;
    const t = b.term;
    if (!exitTest(t, i, body) || (bound !== undefined && (!sameValue(bound, t.right) || cond !== t.cond))) return undefined;
    bound = t.right;
    cond = t.cond;
  }
  if (step === undefined || bound === undefined || cond === undefined) return undefined;
  const B = bound;
  const written = new Set<Temp>();
  for (const id of body) for (const ins of byId.get(id)!.instrs) {
    const t = tempWritten(ins);
    if (t !== undefined) written.add(t);
  }
  if (B.kind === "temp" && written.has(B.temp)) return undefined;
  const invariant = (v: Value): boolean => v.kind !== "temp" || !written.has(v.temp);
  const isExit = (t: Terminator): boolean => exitTest(t, i, body) && sameValue(t.right, B) && t.cond === cond;
  // Other reads of i: free ones (`i + c`, address arithmetic) cost nothing once i is
  // j + B; any other costs one `add` where it is. A block may not get slower: it may
  // pay at most what it saves, one `cmp` if it ends in an exit test that can use the
  // flags of the increment (only moves between them: loads, stores, copies).
  let gain = 0;
  for (const id of body) {
    const b = byId.get(id)!;
    const isTest = isExit(b.term);
    const last = b.instrs.map(tempWritten).lastIndexOf(i);
    const flagsKept = last >= 0 && b.instrs.slice(last + 1).every((x) => x.op === "load" || x.op === "store" || x.op === "copy");
    let cost = isTest || !reads(b.term, i) ? 0 : 1;
    b.instrs.forEach((ins, k) => {
      if (tempWritten(ins) !== i && reads(ins, i) && readKind(b.instrs, k, i, uses, B, invariant) === "value") cost++;
    });
    const saved = isTest && flagsKept ? 1 : 0;
    if (cost > saved) return undefined;
    gain += saved - cost;
  }
  // Some block must get faster: where every saving is spent the loop keeps its counter
  // (and a debugger its value of i).
  if (gain === 0) return undefined;
  if (B.kind === "const") {
    const start = constantAtEnd(byId, preds, preheader, i);
    if (start === undefined || start >= B.value || (B.value - start) % step !== 0) return undefined;
    if (cond === "ult" && start < 0) return undefined; // then unsigned and signed order agree on [start, B]
  } else {
    // A bound in a temp: steps of 1 from a start the loop's guard (the preheader's
    // branch into it) proved below B, so the tests see start + 1, ... up to B.
    const g = byId.get(preheader)!.term;
    if (step !== 1 || g.op !== "branchCompare" || g.cond !== cond || g.ifTrue !== header || g.ifFalse === header || !sameValue(g.right, B)) return undefined;
    if (!holdsAtEnd(byId, preds, preheader, i, g.left)) return undefined;
  }
  // i is no longer counted: nothing after the loop may read it.
  for (const id of body) for (const s of successors(byId.get(id)!.term)) if (!body.has(s) && liveAt(fn, byId, s, i)) return undefined;
  return { header, body, preheader, i, bound: B, cond };
}

/**
 * How the read of i by instrs[k] fares once i is j + B:
 * - "offset": `i + c`, `i - c`, `i + $sym` become `j + (c + B)`, `j + (B - c)`, `j + $sym+B`
 *   (with B in a temp: `i + x` becomes `j + xB`, xB = x + B computed before the loop);
 * - "address": a scaled or added index whose single-use result reaches a load or store
 *   address in this block: isel folds the B (times the scale) into the displacement;
 * - "value": anything else, which needs `j + B` in a register first.
 */
function readKind(
  instrs: Instr[], k: number, i: Temp, uses: Map<Temp, number>, B: Value, invariant: (v: Value) => boolean,
): "offset" | "address" | "value" {
  const ins = instrs[k]!;
  if (ins.op !== "binary" || (isTemp(ins.left, i) && isTemp(ins.right, i))) return "value";
  const other = isTemp(ins.left, i) ? ins.right : ins.left;
  // With B in a temp, only `i + x` (x invariant) stays free: `j + (x + B)`, x + B computed before the loop.
  if (B.kind === "temp") return ins.kind === "add" && invariant(other) ? "offset" : "value";
  if (ins.kind === "add" && other.kind !== "temp") return "offset";
  if (ins.kind === "sub" && other.kind === "const" && isTemp(ins.left, i)) return "offset";
  const scaled = (ins.kind === "shl" && other.kind === "const" && isTemp(ins.left, i) && other.value >= 1 && other.value <= 3)
    || (ins.kind === "mul" && other.kind === "const" && [2, 4, 8].includes(other.value));
  if (!scaled && ins.kind !== "add") return "value";
  // Follow the single-use result through adds and scalings to a memory access.
  let t = ins.dst;
  for (let depth = 0, at = k; depth < 3; depth++) {
    if (uses.get(t) !== 1) return "value";
    const r = instrs.findIndex((x, n) => n > at && reads(x, t));
    if (r < 0 || instrs.slice(k + 1, r).some((y) => tempWritten(y) === i) || instrs.slice(at + 1, r).some((y) => tempWritten(y) === t)) return "value";
    const x = instrs[r]!;
    if ((x.op === "load" && isTemp(x.address, t)) || (x.op === "store" && isTemp(x.address, t) && !isTemp(x.value, t))) return "address";
    const y = x.op === "binary" ? (isTemp(x.left, t) ? x.right : x.left) : undefined;
    const next = x.op === "binary" && y !== undefined && !isTemp(y, t) && (x.kind === "add"
      || (x.kind === "shl" && isTemp(x.left, t) && y.kind === "const" && y.value >= 1 && y.value <= 3)
      || (x.kind === "mul" && y.kind === "const" && [2, 4, 8].includes(y.value)));
    if (!next) return "value";
    t = x.dst;
    at = r;
  }
  return "value";
}

function rewrite(fn: IrFunction, c: Candidate): IrFunction {
  const uses = useCounts(fn);
  const j = fn.tempCount;
  let next = j + 1;
  const B = c.bound;
  const Bc = B.kind === "const" ? B.value : 0; // (a temp bound takes the `i + x` path only)
  const jv: Value = { kind: "temp", temp: j };
  const written = new Set<Temp>();
  for (const b of fn.blocks) if (c.body.has(b.id)) for (const ins of b.instrs) {
    const t = tempWritten(ins);
    if (t !== undefined) written.add(t);
  }
  const invariant = (v: Value): boolean => v.kind !== "temp" || !written.has(v.temp);
  // Before the loop: j = i - B, and for B in a temp, x + B for each `i + x`.
  const before: Instr[] = [{ op: "binary", dst: j, kind: "sub", left: { kind: "temp", temp: c.i }, right: B }];
  const plusTempB = new Map<string, Value>();
  const xPlusB = (x: Value): Value => {
    const key = JSON.stringify(x);
    if (!plusTempB.has(key)) {
      const t = next++;
      before.push({ op: "binary", dst: t, kind: "add", left: x, right: B });
      plusTempB.set(key, { kind: "temp", temp: t });
    }
    return plusTempB.get(key)!;
  };
  const plusB = (v: Value, b: number): Value => (v.kind === "const" ? { kind: "const", value: (v.value + b) | 0 } : v.kind === "symbol" ? { ...v, offset: (v.offset + b) | 0 } : v);
  // `k = j + B` for a read that needs i's value itself.
  const value = (instrs: Instr[], pos: Instr["pos"]): Value => {
    const k = next++;
    instrs.push({ op: "binary", dst: k, kind: "add", left: jv, right: B, pos });
    return { kind: "temp", temp: k };
  };
  const toI = (v: Value, to: Value): Value => (isTemp(v, c.i) ? to : v);
  const blocks = fn.blocks.map((b): Block => {
    if (!c.body.has(b.id)) return b;
    const instrs: Instr[] = [];
    b.instrs.forEach((ins, n) => {
      if (tempWritten(ins) === c.i) {
        instrs.push({ ...ins, op: "binary", kind: "add", dst: j, left: jv, right: { kind: "const", value: stepOf(ins, c.i)! } } as Instr);
        return;
      }
      if (!reads(ins, c.i)) {
        instrs.push(ins);
        return;
      }
      const kind = readKind(b.instrs, n, c.i, uses, B, invariant);
      if (ins.op === "binary" && kind !== "value") {
        const other = isTemp(ins.left, c.i) ? ins.right : ins.left;
        if (B.kind === "temp") instrs.push({ ...ins, left: jv, right: xPlusB(other) }); // i + x, x invariant
        else if (ins.kind === "add" && other.kind !== "temp") instrs.push({ ...ins, left: jv, right: plusB(other, Bc) });
        else if (ins.kind === "sub" && other.kind === "const") instrs.push({ ...ins, kind: "add", left: jv, right: { kind: "const", value: (Bc - other.value) | 0 } });
        else if (ins.kind === "add") {
          // i + x feeding an address: (j + x) + B, so that the B joins the displacement
          const m = next++;
          instrs.push({ op: "binary", dst: m, kind: "add", left: jv, right: other, pos: ins.pos });
          instrs.push({ ...ins, left: { kind: "temp", temp: m }, right: B });
        } else {
          const k = value(instrs, ins.pos);
          instrs.push(mapValues(ins, (v) => toI(v, k)));
        }
        return;
      }
      const k = value(instrs, ins.pos);
      instrs.push(mapValues(ins, (v) => toI(v, k)));
    });
    let term = b.term;
    if (exitTest(term, c.i, c.body) && sameValue(term.right, B) && term.cond === c.cond) {
      term = { ...term, cond: "ne", left: jv, right: { kind: "const", value: 0 } };
    } else if (reads(term, c.i)) {
      const k = value(instrs, term.pos);
      term = mapValues(term, (v) => toI(v, k));
    }
    return { ...b, instrs, term };
  });
  const withBefore = blocks.map((b) => (b.id === c.preheader ? { ...b, instrs: [...b.instrs, ...before] } : b));
  return { ...fn, blocks: withBefore, tempCount: next };
}
