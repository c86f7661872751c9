// Inlining: a direct call is replaced by a copy of the callee's blocks (temps
// renumbered after the caller's, parameters set from the arguments, each `ret v`
// a copy into the call's result and a jump to the rest of the caller's block).
// Which calls:
// - small leaf functions (no calls, at most 16 instructions and 6 blocks), at
//   every call: accessors such as `at(i)` then cost an add, not a call;
// - at a call inside an innermost loop (where the call is paid every iteration),
//   a small function that makes calls (a bounds check's panic is one), or a
//   function called from nowhere else that nobody can call from outside (not
//   exported, address not taken), within a size budget: the hot loop then sees the body (constant arguments, ranges,
//   known branches work on it), and the single-call function's copy goes.
// Inlined code keeps its source positions. Functions on a call-graph cycle are
// never inlined (no unrolling of recursion); inlined bodies are scanned again
// for calls, to a bounded depth. Non-exported functions nobody refers to any
// more are dropped.

import type { Block, BlockId, Instr, IrFunction, IrModule, Temp, Terminator, Value } from "../ir.js";
import { dominators, naturalLoops, predecessorIds } from "./dominators.js";
import { mapTargets, mapValues, valuesRead } from "./ir-uses.js";

const LEAF_MAX_INSTRUCTIONS = 16;
const LEAF_MAX_BLOCKS = 6;
/** A function with calls inlined into innermost loops when at most this big (instructions + terminators). */
const SMALL_MAX_SIZE = 40;
/** A function called once, from an innermost loop, inlined when at most this big. */
const SINGLE_CALL_MAX_SIZE = 200;
/** No inlining into a caller that has grown to this size. */
const CALLER_MAX_SIZE = 1500;
/** Nesting of inlined bodies inside inlined bodies. */
const MAX_DEPTH = 4;

type Call = Extract<Instr, { op: "call" }>;

function size(f: IrFunction): number {
  let n = 0;
  for (const b of f.blocks) n += b.instrs.length + 1;
  return n;
}

function makesCalls(f: IrFunction): boolean {
  return f.blocks.some((b) => b.instrs.some((ins) => ins.op === "call"));
}

function isSmallLeaf(f: IrFunction): boolean {
  return f.blocks.length <= LEAF_MAX_BLOCKS && !makesCalls(f) && size(f) <= LEAF_MAX_INSTRUCTIONS;
}

function directCallee(ins: Instr): string | undefined {
  return ins.op === "call" && ins.callee.kind === "symbol" && ins.callee.offset === 0 ? ins.callee.name : undefined;
}

/**
 * The blocks of f in an innermost loop (one that contains no other loop): where a
 * call is paid every iteration, and where an inlined body does not compete for
 * registers with an inner loop (the allocator does not split intervals, so a body
 * inlined into an outer loop can push the outer loop's values to the stack).
 */
function innermostLoopBlocks(f: IrFunction): Set<BlockId> {
  const preds = predecessorIds(f);
  const byHeader = new Map<BlockId, Set<BlockId>>();
  for (const loop of naturalLoops(f, preds, dominators(f, preds))) {
    const body = byHeader.get(loop.header) ?? byHeader.set(loop.header, new Set()).get(loop.header)!;
    for (const b of loop.body) body.add(b);
  }
  const hot = new Set<BlockId>();
  for (const [header, body] of byHeader) {
    const nested = [...byHeader.keys()].some((h) => h !== header && body.has(h));
    if (!nested) for (const b of body) hot.add(b);
  }
  return hot;
}

/** Functions on a cycle of direct calls (Tarjan's strongly connected components, plus self-calls). */
function recursiveFunctions(m: IrModule): Set<string> {
  const names = new Set(m.functions.map((f) => f.name));
  const edges = new Map<string, Set<string>>();
  for (const f of m.functions) {
    const out = new Set<string>();
    for (const b of f.blocks) for (const ins of b.instrs) {
      const c = directCallee(ins);
      if (c !== undefined && names.has(c)) out.add(c);
    }
    edges.set(f.name, out);
  }
  const recursive = new Set<string>();
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      for (let w = stack.pop()!; ; w = stack.pop()!) {
        onStack.delete(w);
        component.push(w);
        if (w === v) break;
      }
      if (component.length > 1 || edges.get(v)!.has(v)) for (const w of component) recursive.add(w);
    }
  };
  for (const f of m.functions) if (!index.has(f.name)) visit(f.name);
  return recursive;
}

/** Per function: how many direct calls name it, and whether its address escapes (any other use of the symbol). */
function callSites(m: IrModule): { calls: Map<string, number>; escapes: Set<string> } {
  const calls = new Map<string, number>();
  const escapes = new Set<string>();
  for (const f of m.functions) {
    for (const b of f.blocks) {
      for (const x of [...b.instrs, b.term]) {
        const callee = x.op === "call" && directCallee(x) !== undefined ? x.callee : undefined;
        if (callee && callee.kind === "symbol") calls.set(callee.name, (calls.get(callee.name) ?? 0) + 1);
        for (const v of valuesRead(x)) if (v.kind === "symbol" && v !== callee) escapes.add(v.name);
      }
    }
  }
  for (const d of m.data) for (const r of d.relocations) escapes.add(r.symbol);
  return { calls, escapes };
}

interface Candidate {
  fn: IrFunction;
  size: number;
  leaf: boolean;
  /** It makes calls (a bounds check's panic counts). */
  calls: boolean;
  /** Callable only from its one direct call. */
  singleCall: boolean;
  /** Its blocks in innermost loops. */
  hotBlocks: Set<BlockId>;
}

function renameInstr(ins: Instr, temp: (t: Temp) => Temp): Instr {
  const v = (x: Value): Value => (x.kind === "temp" ? { kind: "temp", temp: temp(x.temp) } : x);
  const out = mapValues(ins, v);
  if (out.op !== "store" && out.dst !== undefined) return { ...out, dst: temp(out.dst) } as Instr;
  return out;
}

interface Work {
  block: Block;
  hot: boolean;
  depth: number;
}

function inlineInto(caller: IrFunction, candidates: Map<string, Candidate>): IrFunction {
  let nextTemp = caller.tempCount;
  let nextBlock = Math.max(...caller.blocks.map((b) => b.id)) + 1;
  let callerSize = size(caller);
  const callerHot = innermostLoopBlocks(caller);
  const out: Block[] = [];
  const work: Work[] = caller.blocks.map((block) => ({ block, hot: callerHot.has(block.id), depth: 0 }));
  let inlined = false;
  const wanted = (ins: Instr, w: Work): Candidate | undefined => {
    const name = directCallee(ins);
    const c = name === undefined ? undefined : candidates.get(name);
    if (!c || c.fn.name === caller.name || c.fn.params.length !== (ins as Call).args.length) return undefined;
    if (c.leaf) return c;
    if (!w.hot || w.depth >= MAX_DEPTH || callerSize + c.size > CALLER_MAX_SIZE) return undefined;
    if ((c.calls && c.size <= SMALL_MAX_SIZE) || (c.singleCall && c.size <= SINGLE_CALL_MAX_SIZE)) return c;
    return undefined;
  };
  while (work.length > 0) {
    const w = work.shift()!;
    const b = w.block;
    let callee: Candidate | undefined;
    const i = b.instrs.findIndex((ins) => (callee = wanted(ins, w)) !== undefined);
    if (i < 0 || !callee) {
      out.push(b);
      continue;
    }
    inlined = true;
    callerSize += callee.size;
    const call = b.instrs[i] as Call;
    const body = callee.fn;
    const base = nextTemp;
    nextTemp += body.tempCount;
    const temp = (t: Temp): Temp => base + t;
    const blockIds = new Map<BlockId, BlockId>(body.blocks.map((cb) => [cb.id, nextBlock++]));
    const rest: Block = { id: nextBlock++, instrs: b.instrs.slice(i + 1), term: b.term };
    const setParams: Instr[] = body.params.map((p, k) => ({ op: "copy", dst: temp(p), src: call.args[k]!, pos: call.pos }));
    out.push({ id: b.id, instrs: [...b.instrs.slice(0, i), ...setParams], term: { op: "jump", target: blockIds.get(body.blocks[0]!.id)!, pos: call.pos } });
    const copied: Work[] = [];
    for (const cb of body.blocks) {
      const instrs = cb.instrs.map((ins) => renameInstr(ins, temp));
      let term: Terminator;
      if (cb.term.op === "return") {
        const value = cb.term.value;
        if (call.dst !== undefined && value) {
          instrs.push({ op: "copy", dst: call.dst, src: value.kind === "temp" ? { kind: "temp", temp: temp(value.temp) } : value, pos: cb.term.pos });
        }
        term = { op: "jump", target: rest.id, pos: cb.term.pos };
      } else {
        term = mapTargets(mapValues(cb.term, (x) => (x.kind === "temp" ? { kind: "temp", temp: temp(x.temp) } : x)), (t) => blockIds.get(t)!);
      }
      copied.push({ block: { id: blockIds.get(cb.id)!, instrs, term }, hot: w.hot || callee.hotBlocks.has(cb.id), depth: w.depth + 1 });
    }
    // The copy may hold more calls (a non-leaf callee's), and so may the rest of the block.
    work.unshift(...copied, { block: rest, hot: w.hot, depth: w.depth });
  }
  return inlined ? { ...caller, blocks: out, tempCount: nextTemp } : caller;
}

/** Symbols the module's code and data refer to. */
function referenced(m: IrModule): Set<string> {
  const names = new Set<string>();
  for (const f of m.functions) {
    for (const b of f.blocks) for (const x of [...b.instrs, b.term]) for (const v of valuesRead(x)) if (v.kind === "symbol") names.add(v.name);
  }
  for (const d of m.data) for (const r of d.relocations) names.add(r.symbol);
  return names;
}

/** Runs on the front end's functions (sizes are theirs, before optimisation). */
export function inlineFunctions(m: IrModule): IrModule {
  const recursive = recursiveFunctions(m);
  const { calls, escapes } = callSites(m);
  const candidates = new Map<string, Candidate>();
  for (const f of m.functions) {
    if (recursive.has(f.name)) continue;
    const leaf = isSmallLeaf(f);
    const singleCall = !f.exported && !escapes.has(f.name) && calls.get(f.name) === 1;
    const n = size(f);
    const withCalls = makesCalls(f);
    if (leaf || (withCalls && n <= SMALL_MAX_SIZE) || (singleCall && n <= SINGLE_CALL_MAX_SIZE)) {
      candidates.set(f.name, { fn: f, size: n, leaf, calls: withCalls, singleCall, hotBlocks: innermostLoopBlocks(f) });
    }
  }
  if (candidates.size === 0) return m;
  let functions = m.functions.map((f) => inlineInto(f, candidates));
  // Dropping a function can leave its callees unreferenced too (take's copy of firstZero's call).
  for (let n = -1; n !== functions.length; ) {
    n = functions.length;
    const used = referenced({ ...m, functions });
    functions = functions.filter((f) => f.exported || used.has(f.name));
  }
  return { ...m, functions };
}
