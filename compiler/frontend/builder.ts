// Builds one IrFunction: temps, blocks, and the current insertion point.
// Code after a terminator (after `return`, `break`, a noreturn call) goes into a
// fresh block nothing jumps to; `finish` drops unreachable blocks and renumbers
// so that block ids equal their index and blocks[0] is the entry.

import type { Block, BlockId, Instr, IrFunction, SourcePos, Temp, Terminator, CallConv } from "../ir.js";

interface OpenBlock {
  id: BlockId;
  instrs: Instr[];
  term?: Terminator;
}

export class FunctionBuilder {
  private blocks: OpenBlock[] = [];
  private current: OpenBlock;
  private tempCount = 0;
  readonly tempNames = new Map<Temp, string>();

  constructor() {
    this.current = this.newBlock();
  }

  newTemp(name?: string): Temp {
    const t = this.tempCount++;
    if (name !== undefined) this.tempNames.set(t, name);
    return t;
  }

  newBlock(): OpenBlock {
    const b: OpenBlock = { id: this.blocks.length, instrs: [] };
    this.blocks.push(b);
    return b;
  }

  get block(): OpenBlock {
    return this.current;
  }

  /** Continue emitting into `b`. */
  setBlock(b: OpenBlock): void {
    this.current = b;
  }

  /** Has the current block already been terminated (code here would be dead)? */
  get terminated(): boolean {
    return this.current.term !== undefined;
  }

  emit(instr: Instr): void {
    if (this.current.term) this.current = this.newBlock(); // dead code after a terminator
    this.current.instrs.push(instr);
  }

  /** Appends to a block other than the current one (used by ?: to convert results in each arm). */
  emitInto(b: OpenBlock, instr: Instr): void {
    if (b.term) return;
    b.instrs.push(instr);
  }

  terminate(term: Terminator): void {
    if (this.current.term) return; // already left this block; the terminator is dead code
    this.current.term = term;
  }

  terminateBlock(b: OpenBlock, term: Terminator): void {
    if (!b.term) b.term = term;
  }

  jumpTo(target: OpenBlock, pos?: SourcePos): void {
    this.terminate({ op: "jump", target: target.id, pos });
  }

  finish(fn: { name: string; exported: boolean; conv: CallConv; params: Temp[]; returnsValue: boolean; pos?: SourcePos; tempTypes?: Map<Temp, string>; returnType?: string }, fallOff: Terminator): IrFunction {
    for (const b of this.blocks) if (!b.term) b.term = fallOff;
    // Reachability from the entry.
    const reachable = new Set<BlockId>();
    const work: BlockId[] = [0];
    while (work.length > 0) {
      const id = work.pop()!;
      if (reachable.has(id)) continue;
      reachable.add(id);
      for (const s of successors(this.blocks[id]!.term!)) work.push(s);
    }
    const renumber = new Map<BlockId, BlockId>();
    const kept = this.blocks.filter((b) => reachable.has(b.id));
    kept.forEach((b, i) => renumber.set(b.id, i));
    const map = (id: BlockId): BlockId => renumber.get(id)!;
    const blocks: Block[] = kept.map((b) => ({ id: map(b.id), instrs: b.instrs, term: retarget(b.term!, map) }));
    return { ...fn, blocks, tempCount: this.tempCount, tempNames: this.tempNames };
  }
}

export type { OpenBlock };

export function successors(t: Terminator): BlockId[] {
  switch (t.op) {
    case "jump":
      return [t.target];
    case "branch":
    case "branchCompare":
      return [t.ifTrue, t.ifFalse];
    case "switch":
      return [...t.targets, t.otherwise];
    case "return":
    case "unreachable":
      return [];
  }
}

function retarget(t: Terminator, map: (id: BlockId) => BlockId): Terminator {
  switch (t.op) {
    case "jump":
      return { ...t, target: map(t.target) };
    case "branch":
    case "branchCompare":
      return { ...t, ifTrue: map(t.ifTrue), ifFalse: map(t.ifFalse) };
    case "switch":
      return { ...t, targets: t.targets.map(map), otherwise: map(t.otherwise) };
    default:
      return t;
  }
}
