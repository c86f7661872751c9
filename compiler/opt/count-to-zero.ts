// Counted loops that count up to zero: `for (i = a; i < B; i += s)` with a and B
// constants, whose counter is only read by address arithmetic, runs a new counter
// j = i - B from a - B up to 0 instead. Each read of i becomes j + B, which the
// address folds into its displacement (`[eax*2 + screen + 3840]`), and the exit test
// `i < B` becomes `j != 0`, which the back end answers with the flags of the
// increment: the latch is `add; jne` with no `cmp`.
//
// Why `!=` is exact: the loop's only writes of i are `i += s` each followed, in the
// same block, by the test, whose false edge leaves the loop; so the tests see
// a + s, a + 2s, ... and, as (B - a) is a multiple of s, they reach B exactly, never
// passing it. On those values `i < B` and `i != B` agree. i must be dead where the
// loop exits (it is no longer counted).

import type { Block, BlockId, Instr, IrFunction, Temp, Terminator, Value } from "../ir.js";
import { dominators, naturalLoops, predecessorIds } from "./dominators.js";
import { successors, tempWritten, useCounts, valuesRead } from "./ir-uses.js";

const isTemp = (v: Value, t: Temp): boolean => v.kind === "temp" && v.temp === t;
const reads = (x: Instr | Terminator, t: Temp): boolean => valuesRead(x).some((v) => isTemp(v, t));

/** `i = add i, s` (either operand order) with a positive constant s: its step, else undefined. */
function stepOf(ins: Instr, i: Temp): number | undefined {
  if (ins.op !== "binary" || ins.kind !== "add" || ins.dst !== i) return undefined;
  const k = isTemp(ins.left, i) ? ins.right : isTemp(ins.right, i) ? ins.left : undefined;
  return k?.kind === "const" && k.value > 0 ? k.value : undefined;
}

/** Is `t` live at the start of `start`? (backward search along paths until t is written) */
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

interface Candidate {
  header: BlockId;
  body: Set<BlockId>;
  preheader: BlockId;
  i: Temp;
  start: number;
  bound: number;
}

export function countLoopsToZero(fn: IrFunction): IrFunction {
  let f = fn;
  // One loop at a time: each rewrite changes the function the next search reads.
  for (let round = 0; round < 32; round++) {
    const c = findCandidate(f);
    if (!c) return f;
    f = rewrite(f, c);
  }
  return f;
}

function findCandidate(fn: IrFunction): Candidate | undefined {
  const preds = predecessorIds(fn);
  const dom = dominators(fn, preds);
  const byId = new Map(fn.blocks.map((b) => [b.id, b]));
  const uses = useCounts(fn);
  // Loops sharing a header are one loop (several back edges).
  const bodies = new Map<BlockId, Set<BlockId>>();
  for (const l of naturalLoops(fn, preds, dom)) {
    const b = bodies.get(l.header) ?? bodies.set(l.header, new Set()).get(l.header)!;
    for (const x of l.body) b.add(x);
  }
  for (const [header, body] of bodies) {
    const outside = (preds.get(header) ?? []).filter((p) => !body.has(p));
    if (outside.length !== 1) continue;
    const preheader = outside[0]!;
    const tested = new Set<Temp>();
    for (const id of body) {
      const t = byId.get(id)!.term;
      if (t.op === "branchCompare" && (t.cond === "lt" || t.cond === "ult") && t.left.kind === "temp" && t.right.kind === "const") tested.add(t.left.temp);
    }
    for (const i of tested) {
      const c = check(fn, byId, preds, uses, header, body, preheader, i);
      if (c) return c;
    }
  }
  return undefined;
}

function check(
  fn: IrFunction, byId: Map<BlockId, Block>, preds: Map<BlockId, BlockId[]>, uses: Map<Temp, number>,
  header: BlockId, body: Set<BlockId>, preheader: BlockId, i: Temp,
): Candidate | undefined {
  let step: number | undefined;
  let bound: number | undefined;
  let cond: "lt" | "ult" | undefined;
  for (const id of body) {
    const b = byId.get(id)!;
    const t = b.term;
    const isTest = t.op === "branchCompare" && isTemp(t.left, i);
    if (isTest) {
      // Every test of i is `i < B` (one B) whose false edge leaves the loop.
      if ((t.cond !== "lt" && t.cond !== "ult") || t.right.kind !== "const" || body.has(t.ifFalse) || body.has(t.ifTrue) === false) return undefined;
      if (bound !== undefined && (bound !== t.right.value || cond !== t.cond)) return undefined;
      bound = t.right.value;
      cond = t.cond;
      if (isTemp(t.right, i)) return undefined;
    } else if (reads(t, i)) return undefined;
    b.instrs.forEach((ins, k) => {
      if (tempWritten(ins) === i) {
        const s = stepOf(ins, i);
        // Each increment is followed by the test, with no other write of i between.
        const laterWrite = b.instrs.slice(k + 1).some((x) => tempWritten(x) === i);
        if (s === undefined || (step !== undefined && s !== step) || !isTest || laterWrite) step = -1;
        else step = s;
        return;
      }
      if (reads(ins, i) && !foldsIntoAddress(b.instrs, k, i, uses)) step = -1;
    });
    if (step === -1) return undefined;
  }
  if (step === undefined || step <= 0 || bound === undefined) return undefined;
  const start = constantAtEnd(byId, preds, preheader, i);
  if (start === undefined || start >= bound || (bound - start) % step !== 0) return undefined;
  if (cond === "ult" && start < 0) return undefined; // then unsigned and signed order agree on [start, bound]
  if (start - bound < -0x80000000) return undefined; // j's start must not wrap
  // i is no longer counted: nothing after the loop may read it.
  for (const id of body) for (const s of successors(byId.get(id)!.term)) if (!body.has(s) && liveAt(fn, byId, s, i)) return undefined;
  return { header, body, preheader, i, start, bound };
}

/**
 * Is the read of i by instrs[k] address arithmetic that stays free once i is j + B:
 * `i + c` or `i - c` (becomes `j + (c + B)`, `j + (B - c)`), or a scaled or added index whose single-use result
 * reaches a load or store address in this block ((j + B) * 4 folds B*4 into the displacement).
 */
function foldsIntoAddress(instrs: Instr[], k: number, i: Temp, uses: Map<Temp, number>): boolean {
  const ins = instrs[k]!;
  if (ins.op !== "binary") return false;
  const other = isTemp(ins.left, i) ? ins.right : ins.left;
  if (isTemp(other, i)) return false;
  if (ins.kind === "add" && other.kind === "const") return true;
  if (ins.kind === "sub" && other.kind === "const" && isTemp(ins.left, i)) return true;
  const scaled = (ins.kind === "shl" && other.kind === "const" && isTemp(ins.left, i) && other.value >= 1 && other.value <= 3)
    || (ins.kind === "mul" && other.kind === "const" && [2, 4, 8].includes(other.value));
  if (!scaled && !(ins.kind === "add" && other.kind !== "const")) return false;
  // Follow the single-use result to a memory access: at most one more add (the base).
  let t = ins.dst;
  for (let depth = 0; depth < 2; depth++) {
    if (uses.get(t) !== 1) return false;
    const r = instrs.findIndex((x, n) => n > k && reads(x, t));
    if (r < 0) return false;
    const x = instrs[r]!;
    if (instrs.slice(k + 1, r).some((y) => tempWritten(y) === i)) return false;
    if ((x.op === "load" && isTemp(x.address, t)) || (x.op === "store" && isTemp(x.address, t) && !isTemp(x.value, t))) return true;
    if (x.op !== "binary" || x.kind !== "add") return false;
    t = x.dst;
    k = r;
  }
  return false;
}

function rewrite(fn: IrFunction, c: Candidate): IrFunction {
  const j = fn.tempCount;
  let next = j + 1;
  const B = c.bound;
  const jv: Value = { kind: "temp", temp: j };
  const blocks = fn.blocks.map((b): Block => {
    if (b.id === c.preheader) return { ...b, instrs: [...b.instrs, { op: "copy", dst: j, src: { kind: "const", value: (c.start - B) | 0 } }] };
    if (!c.body.has(b.id)) return b;
    const instrs: Instr[] = [];
    for (const ins of b.instrs) {
      if (tempWritten(ins) === c.i) {
        instrs.push({ ...ins, op: "binary", kind: "add", dst: j, left: jv, right: { kind: "const", value: stepOf(ins, c.i)! } } as Instr);
      } else if (ins.op === "binary" && reads(ins, c.i)) {
        const other = isTemp(ins.left, c.i) ? ins.right : ins.left;
        if (ins.kind === "add" && other.kind === "const") {
          instrs.push({ ...ins, left: jv, right: { kind: "const", value: (other.value + B) | 0 } });
        } else if (ins.kind === "sub" && other.kind === "const") {
          instrs.push({ ...ins, kind: "add", left: jv, right: { kind: "const", value: (B - other.value) | 0 } });
        } else {
          const k = next++;
          instrs.push({ op: "binary", dst: k, kind: "add", left: jv, right: { kind: "const", value: B }, pos: ins.pos });
          const kv: Value = { kind: "temp", temp: k };
          instrs.push({ ...ins, left: isTemp(ins.left, c.i) ? kv : ins.left, right: isTemp(ins.right, c.i) ? kv : ins.right });
        }
      } else instrs.push(ins);
    }
    let term = b.term;
    if (term.op === "branchCompare" && isTemp(term.left, c.i)) term = { ...term, cond: "ne", left: jv, right: { kind: "const", value: 0 } };
    return { ...b, instrs, term };
  });
  return { ...fn, blocks, tempCount: next };
}
