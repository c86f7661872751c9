// Self-recursion into a loop, as gcc does to `fib`. A return of a tail call to
// the function itself (`return f(args)`), or of such a call combined by one
// wrapping operation that is associative and commutative (`add mul and or xor`)
// with a value computed before it (`return f(a) + e`, `return e ^ f(a)`), becomes
// an assignment of the arguments to the parameters and a jump back to the start;
// an accumulator, started at the operation's identity, collects the `e`s, and
// every other return returns `acc op v` instead of `v`:
//
//   f(n) = n < 2 ? n : f(n - 1) + f(n - 2)
//   acc = 0; loop: if (n < 2) return acc + n; acc += f(n - 1); n = n - 2; goto loop
//
// That is the same value: f(x) = e op f(y) unfolds to e1 op e2 op … op v, and the
// operation may be regrouped and reordered. The operations are pure and cannot
// trap, so computing `acc op e` before the work of the call changes nothing
// observable. One recursive call remains where there were two.

import type { BinaryOp, Block, BlockId, Instr, IrFunction, Temp, Value } from "../ir.js";

const IDENTITY: Partial<Record<BinaryOp, number>> = { add: 0, mul: 1, and: -1, or: 0, xor: 0 };

type Call = Extract<Instr, { op: "call" }>;

interface Site {
  block: Block;
  call: Call;
  /** The accumulated operation and the other operand (absent: a plain tail call). */
  combine?: { kind: BinaryOp; other: Value };
}

function isSelfCall(fn: IrFunction, ins: Instr | undefined): ins is Call {
  return (
    ins !== undefined && ins.op === "call" && ins.callee.kind === "symbol" && ins.callee.name === fn.name &&
    ins.callee.offset === 0 && ins.args.length === fn.params.length
  );
}

/** The block's recursive return, if it ends in one. */
function recursiveReturn(fn: IrFunction, b: Block): Site | undefined {
  const t = b.term;
  if (t.op !== "return") return undefined;
  const n = b.instrs.length;
  const last = b.instrs[n - 1];
  if (isSelfCall(fn, last)) {
    const tail = t.value === undefined ? !fn.returnsValue : t.value.kind === "temp" && last.dst === t.value.temp;
    return tail ? { block: b, call: last } : undefined;
  }
  const call = b.instrs[n - 2];
  if (!last || last.op !== "binary" || IDENTITY[last.kind] === undefined || !isSelfCall(fn, call) || call.dst === undefined) return undefined;
  if (t.value?.kind !== "temp" || t.value.temp !== last.dst) return undefined;
  const isResult = (v: Value): boolean => v.kind === "temp" && v.temp === call.dst;
  if (isResult(last.left) === isResult(last.right)) return undefined; // neither, or f(a) op f(a)
  return { block: b, call, combine: { kind: last.kind, other: isResult(last.left) ? last.right : last.left } };
}

export function recursionToLoop(fn: IrFunction): IrFunction {
  const found = fn.blocks.map((b) => recursiveReturn(fn, b)).filter((s): s is Site => s !== undefined);
  const kind = found.find((s) => s.combine)?.combine?.kind;
  // One accumulated operation per function; sites combining with another stay calls.
  const sites = new Map(found.filter((s) => !s.combine || s.combine.kind === kind).map((s) => [s.block.id, s]));
  if (sites.size === 0) return fn;
  let nextTemp = fn.tempCount;
  const acc: Temp | undefined = kind !== undefined ? nextTemp++ : undefined;
  const header = fn.blocks[0]!.id;
  const entryId: BlockId = Math.max(...fn.blocks.map((b) => b.id)) + 1;
  const blocks = fn.blocks.map((b): Block => {
    const site = sites.get(b.id);
    const pos = b.term.pos;
    if (site) {
      const before = b.instrs.slice(0, b.instrs.indexOf(site.call));
      // Arguments first into fresh temps: they may read the parameters they replace.
      const fresh = site.call.args.map(() => nextTemp++);
      const instrs: Instr[] = [
        ...before,
        ...site.call.args.map((a, k): Instr => ({ op: "copy", dst: fresh[k]!, src: a, pos: site.call.pos })),
      ];
      if (site.combine && acc !== undefined) {
        instrs.push({ op: "binary", dst: acc, kind: site.combine.kind, left: { kind: "temp", temp: acc }, right: site.combine.other, pos });
      }
      fn.params.forEach((p, k) => instrs.push({ op: "copy", dst: p, src: { kind: "temp", temp: fresh[k]! }, pos: site.call.pos }));
      return { id: b.id, instrs, term: { op: "jump", target: header, pos } };
    }
    if (b.term.op === "return" && b.term.value !== undefined && acc !== undefined && kind !== undefined) {
      const result = nextTemp++;
      return {
        id: b.id,
        instrs: [...b.instrs, { op: "binary", dst: result, kind, left: { kind: "temp", temp: acc }, right: b.term.value, pos }],
        term: { op: "return", value: { kind: "temp", temp: result }, pos },
      };
    }
    return b;
  });
  const start: Instr[] = acc !== undefined && kind !== undefined ? [{ op: "copy", dst: acc, src: { kind: "const", value: IDENTITY[kind]! }, pos: fn.pos }] : [];
  const entry: Block = { id: entryId, instrs: start, term: { op: "jump", target: header, pos: fn.pos } };
  return { ...fn, blocks: [entry, ...blocks], tempCount: nextTemp };
}
