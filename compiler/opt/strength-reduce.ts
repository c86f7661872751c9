// Strength reduction of derived induction variables. In a loop whose counter i only
// changes by `i += s` or `i -= s` (constant s), a chain of arithmetic that computes c*i + b from i
// (`28 - 4*i`, `$pool + i*20`; b loop-invariant) becomes a new variable p, set to
// c*i + b before the loop and advanced by c*s along with each `i += s`: the chain's
// result is then a copy of p, and the multiply and its adds go (format's `28 - 4 * i`
// is a register stepped by -4; structs' `pool + i * 20` a pointer advanced by 20).
// Multiplication, shifts, addition and negation are exact modulo 2^32, so p equals the
// chain's value wherever the chain ran, whatever wraps.
//
// Only innermost loops, and only chains that cost more than the one add per increment are reduced: two or more
// instructions with a coefficient that is not an addressing-mode scale (1, 2, 4, 8;
// those fold into `[i*4 + symbol + disp]` for free).

import type { Block, BlockId, Instr, IrFunction, Temp, Value } from "../ir.js";
import { loopsWithPreheader, predecessorIds } from "./dominators.js";
import { rewriteOneAtATime } from "./one-at-a-time.js";
import { tempWritten, useCounts, valuesRead } from "./ir-uses.js";

const isTemp = (v: Value, t: Temp): boolean => v.kind === "temp" && v.temp === t;

/** `i = add i, s` (either operand order) or `i = sub i, -s` with a constant s: its step, else undefined. */
function stepOf(ins: Instr, i: Temp): number | undefined {
  if (ins.op !== "binary" || ins.dst !== i) return undefined;
  if (ins.kind === "sub") return isTemp(ins.left, i) && ins.right.kind === "const" ? -ins.right.value | 0 : undefined;
  if (ins.kind !== "add") return undefined;
  const k = isTemp(ins.left, i) ? ins.right : isTemp(ins.right, i) ? ins.left : undefined;
  return k?.kind === "const" ? k.value : undefined;
}

/**
 * If `ins` computes an affine function of `x` (x read once, the other operand invariant),
 * the factor it multiplies x's coefficient by; else undefined.
 */
function affineFactor(ins: Instr, x: Temp, invariant: (v: Value) => boolean): number | undefined {
  if (ins.op === "unary") return ins.kind === "neg" && isTemp(ins.src, x) ? -1 : undefined;
  if (ins.op !== "binary") return undefined;
  const { left, right } = ins;
  if (isTemp(left, x) && isTemp(right, x)) return undefined;
  const other = isTemp(left, x) ? right : isTemp(right, x) ? left : undefined;
  if (!other || !invariant(other)) return undefined;
  switch (ins.kind) {
    case "add": return 1;
    case "sub": return isTemp(left, x) ? 1 : -1;
    case "mul": return other.kind === "const" ? other.value : undefined;
    case "shl": return other.kind === "const" && isTemp(left, x) ? 2 ** (other.value & 31) : undefined;
    default: return undefined;
  }
}

interface Candidate {
  body: Set<BlockId>;
  preheader: BlockId;
  i: Temp;
  /** The chain's instructions, in order; the last one's result becomes p. */
  chain: Instr[];
  coefficient: number;
}

export function reduceStrength(fn: IrFunction): IrFunction {
  return rewriteOneAtATime(fn, findCandidate, rewrite);
}

function findCandidate(fn: IrFunction): Candidate | undefined {
  const preds = predecessorIds(fn);
  const byId = new Map(fn.blocks.map((b) => [b.id, b]));
  const uses = useCounts(fn);
  for (const { body, preheader, innermost } of loopsWithPreheader(fn, preds)) {
    // Innermost loops only: a new variable live across an inner loop costs it a register.
    if (!innermost) continue;
    const written = new Set<Temp>();
    const counters = new Set<Temp>();
    const notCounters = new Set<Temp>();
    for (const id of body) for (const ins of byId.get(id)!.instrs) {
      const t = tempWritten(ins);
      if (t === undefined) continue;
      written.add(t);
      (stepOf(ins, t) !== undefined ? counters : notCounters).add(t);
    }
    for (const t of notCounters) counters.delete(t);
    const invariant = (v: Value): boolean => v.kind !== "temp" || !written.has(v.temp);
    for (const id of body) {
      const instrs = byId.get(id)!.instrs;
      for (let k = 0; k < instrs.length; k++) {
        const first = instrs[k]!;
        const i = valuesRead(first).find((v) => v.kind === "temp" && counters.has(v.temp));
        if (!i || i.kind !== "temp") continue;
        let coefficient = affineFactor(first, i.temp, invariant);
        if (coefficient === undefined) continue;
        const chain = [first];
        // Follow the single-use result while the next reader in the block is affine in it.
        for (let at = k; ; ) {
          const x = tempWritten(chain[chain.length - 1]!)!;
          if (uses.get(x) !== 1 || x === i.temp) break;
          const r = instrs.findIndex((y, n) => n > at && valuesRead(y).some((v) => isTemp(v, x)));
          if (r < 0 || instrs.slice(at + 1, r).some((y) => tempWritten(y) === x)) break;
          const factor = affineFactor(instrs[r]!, x, invariant);
          if (factor === undefined) break;
          coefficient = Math.imul(coefficient, factor);
          chain.push(instrs[r]!);
          at = r;
        }
        // i must not change while the chain reads it.
        const end = instrs.indexOf(chain[chain.length - 1]!);
        if (instrs.slice(k, end + 1).some((y) => tempWritten(y) === i.temp)) continue;
        if (chain.length < 2 || [0, 1, 2, 4, 8].includes(coefficient)) continue;
        return { body, preheader, i: i.temp, chain, coefficient };
      }
    }
  }
  return undefined;
}

function rewrite(fn: IrFunction, c: Candidate): IrFunction {
  let next = fn.tempCount;
  const p = next++;
  const pv: Value = { kind: "temp", temp: p };
  const last = c.chain[c.chain.length - 1]!;
  // Before the loop: p = the chain over i's value there (fresh temps for its steps).
  const start: Instr[] = [];
  let prev: Temp | undefined;
  for (const ins of c.chain) {
    const dst = ins === last ? p : next++;
    const from = prev;
    const renamed = from === undefined ? ins : mapTemp(ins, tempWritten(c.chain[start.length - 1]!)!, from);
    start.push({ ...renamed, dst } as Instr);
    prev = dst;
  }
  const blocks = fn.blocks.map((b): Block => {
    if (b.id === c.preheader) return { ...b, instrs: [...b.instrs, ...start] };
    if (!c.body.has(b.id)) return b;
    const instrs: Instr[] = [];
    for (const ins of b.instrs) {
      if (ins === last) {
        instrs.push({ op: "copy", dst: tempWritten(ins)!, src: pv, pos: ins.pos });
        continue;
      }
      // The rest of the chain goes too: each step's only reader was the next one.
      if (c.chain.includes(ins)) continue;
      // p steps just before i does (nothing reads either between the two), so that
      // i's increment stays next to its exit test and sets the flags it needs.
      const s = tempWritten(ins) === c.i ? stepOf(ins, c.i) : undefined;
      if (s !== undefined) instrs.push({ op: "binary", dst: p, kind: "add", left: pv, right: { kind: "const", value: Math.imul(c.coefficient, s) }, pos: ins.pos });
      instrs.push(ins);
    }
    return { ...b, instrs };
  });
  return { ...fn, blocks, tempCount: next };
}

/** `ins` reading temp `to` where it read `from`. */
function mapTemp(ins: Instr, from: Temp, to: Temp): Instr {
  const m = (v: Value): Value => (isTemp(v, from) ? { kind: "temp", temp: to } : v);
  if (ins.op === "unary") return { ...ins, src: m(ins.src) };
  if (ins.op === "binary") return { ...ins, left: m(ins.left), right: m(ins.right) };
  return ins;
}
