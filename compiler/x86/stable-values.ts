// Whether a temp holds the same value at a later point as at an earlier one. Instruction
// selection re-forms an address computed in one block at a load or store in another
// (`[ecx*4+stack-4]` again instead of keeping `stack + 4*(sp-1)` in a register across a
// bounds check) when the address and what it is computed from still hold there:
//  - the address (and each intermediate) is written exactly once, in a block dominating
//    the use;
//  - each temp it reads is either written once, at a point dominating where it is read
//    (then the last execution of that definition precedes the last execution of the
//    address's on any path to the use), or not written at all between the two points:
//    on no block of a path from the address's definition to the use that does not pass
//    that definition again.

import type { BlockId, Instr, IrFunction, Temp } from "../ir.js";
import { dominators, predecessorIds } from "../opt/dominators.js";
import { successors, tempWritten } from "../opt/ir-uses.js";

export interface Site {
  block: BlockId;
  index: number;
  ins: Instr;
}

export class StableValues {
  private readonly site = new Map<Temp, Site>();
  private readonly written = new Set<Temp>();
  private readonly params: Set<Temp>;
  private readonly dom: Map<BlockId, Set<BlockId>>;
  private readonly preds: Map<BlockId, BlockId[]>;
  private readonly byId: Map<BlockId, IrFunction["blocks"][number]>;
  private readonly regions = new Map<string, { blocks: BlockId[]; useBlockRepeats: boolean }>();

  constructor(fn: IrFunction) {
    this.params = new Set(fn.params);
    this.byId = new Map(fn.blocks.map((b) => [b.id, b]));
    const multiple = new Set<Temp>();
    for (const b of fn.blocks) {
      b.instrs.forEach((ins, index) => {
        const t = tempWritten(ins);
        if (t === undefined) return;
        if (this.written.has(t)) multiple.add(t);
        this.written.add(t);
        this.site.set(t, { block: b.id, index, ins });
      });
    }
    for (const t of [...multiple, ...this.params]) this.site.delete(t);
    this.preds = predecessorIds(fn);
    this.dom = dominators(fn, this.preds);
  }

  /** Where `t` is written, if it is written exactly once and is not a parameter. */
  definition(t: Temp): Site | undefined {
    return this.site.get(t);
  }

  /** Whether block `a` dominates block `b` (both reachable). */
  dominates(a: BlockId, b: BlockId): boolean {
    return this.dom.get(b)?.has(a) ?? false;
  }

  /** Whether `t`, read at `from`, still holds the same value before instruction `until` of block `to` (`from` in a dominating block). */
  holds(t: Temp, from: Site, to: BlockId, until: number): boolean {
    if (this.params.has(t) && !this.written.has(t)) return true;
    const s = this.site.get(t);
    if (s && (s.block === from.block ? s.index < from.index : this.dominates(s.block, from.block))) return true;
    const writes = (b: BlockId, lo: number, hi: number): boolean =>
      this.byId.get(b)!.instrs.slice(lo, hi).some((x) => tempWritten(x) === t);
    if (writes(from.block, from.index + 1, Infinity)) return false;
    const region = this.region(from.block, to);
    if (region.blocks.some((b) => b !== to && writes(b, 0, Infinity))) return false;
    return !writes(to, 0, region.useBlockRepeats ? Infinity : until);
  }

  /** Blocks on a path from `from`'s successors to `to` that does not pass `from`. */
  private region(from: BlockId, to: BlockId): { blocks: BlockId[]; useBlockRepeats: boolean } {
    const key = `${from}:${to}`;
    const cached = this.regions.get(key);
    if (cached) return cached;
    const forward = new Set<BlockId>();
    const stack = [...successors(this.byId.get(from)!.term)];
    while (stack.length > 0) {
      const b = stack.pop()!;
      if (b === from || forward.has(b)) continue;
      forward.add(b);
      stack.push(...successors(this.byId.get(b)!.term));
    }
    const backward = new Set<BlockId>();
    const back = [...(this.preds.get(to) ?? [])];
    while (back.length > 0) {
      const b = back.pop()!;
      if (b === from || backward.has(b)) continue;
      backward.add(b);
      back.push(...(this.preds.get(b) ?? []));
    }
    // `to` itself runs whole before the use when a path from it leads back to it avoiding `from`.
    const result = { blocks: [...forward].filter((b) => backward.has(b) || b === to), useBlockRepeats: backward.has(to) && forward.has(to) };
    this.regions.set(key, result);
    return result;
  }
}
