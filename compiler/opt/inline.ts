// Inlining of small leaf functions: a direct call to a function that makes no
// calls itself and has at most MAX_INSTRUCTIONS instructions is replaced by a
// copy of its blocks (temps renumbered after the caller's, parameters set from
// the arguments, each `ret v` a copy into the call's result and a jump to the
// rest of the caller's block). Accessors such as `at(i)` returning
// `changetype<T>(base + i * size)` then cost an add, not a call. Non-exported
// functions nobody refers to any more are dropped.

import type { Block, BlockId, Instr, IrFunction, IrModule, Temp, Terminator, Value } from "../ir.js";
import { mapTargets, mapValues, valuesRead } from "./ir-uses.js";

const MAX_INSTRUCTIONS = 16;
const MAX_BLOCKS = 6;

function isSmallLeaf(f: IrFunction): boolean {
  if (f.blocks.length > MAX_BLOCKS) return false;
  let n = 0;
  for (const b of f.blocks) {
    for (const ins of b.instrs) {
      if (ins.op === "call") return false;
      n++;
    }
    n++;
  }
  return n <= MAX_INSTRUCTIONS;
}

function renameInstr(ins: Instr, temp: (t: Temp) => Temp): Instr {
  const v = (x: Value): Value => (x.kind === "temp" ? { kind: "temp", temp: temp(x.temp) } : x);
  const out = mapValues(ins, v);
  if (out.op !== "store" && out.dst !== undefined) return { ...out, dst: temp(out.dst) } as Instr;
  return out;
}

function inlineInto(caller: IrFunction, callees: Map<string, IrFunction>): IrFunction {
  let nextTemp = caller.tempCount;
  let nextBlock = Math.max(...caller.blocks.map((b) => b.id)) + 1;
  const out: Block[] = [];
  const work = [...caller.blocks];
  let inlined = false;
  while (work.length > 0) {
    const b = work.shift()!;
    const i = b.instrs.findIndex((ins) => {
      if (ins.op !== "call" || ins.callee.kind !== "symbol" || ins.callee.offset !== 0) return false;
      const f = callees.get(ins.callee.name);
      return f !== undefined && f !== caller && f.params.length === ins.args.length;
    });
    if (i < 0) {
      out.push(b);
      continue;
    }
    inlined = true;
    const call = b.instrs[i] as Extract<Instr, { op: "call" }>;
    const callee = callees.get((call.callee as { name: string }).name)!;
    const base = nextTemp;
    nextTemp += callee.tempCount;
    const temp = (t: Temp): Temp => base + t;
    const blockIds = new Map<BlockId, BlockId>(callee.blocks.map((cb) => [cb.id, nextBlock++]));
    const rest: Block = { id: nextBlock++, instrs: b.instrs.slice(i + 1), term: b.term };
    const setParams: Instr[] = callee.params.map((p, k) => ({ op: "copy", dst: temp(p), src: call.args[k]!, pos: call.pos }));
    out.push({ id: b.id, instrs: [...b.instrs.slice(0, i), ...setParams], term: { op: "jump", target: blockIds.get(callee.blocks[0]!.id)!, pos: call.pos } });
    for (const cb of callee.blocks) {
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
      out.push({ id: blockIds.get(cb.id)!, instrs, term });
    }
    work.unshift(rest); // it may hold more calls
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

export function inlineSmallFunctions(m: IrModule): IrModule {
  const callees = new Map(m.functions.filter(isSmallLeaf).map((f) => [f.name, f]));
  if (callees.size === 0) return m;
  const functions = m.functions.map((f) => inlineInto(f, callees));
  const used = referenced({ ...m, functions });
  return { ...m, functions: functions.filter((f) => f.exported || used.has(f.name)) };
}
