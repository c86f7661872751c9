// Lines remembered by their text, so a line seen before is not tokenized, parsed
// (and encoded) again. Compiler output repeats lines a lot (`push ebp`,
// `mov ebp, esp`, `add esp, 4`, `call print`, `leave`, `ret` ...).
//
// * A line that is exactly one settled instruction (see byte-runs.ts): the same
//   text always gives the same bytes.
// * A line that is exactly one other instruction and names no local label (no
//   `.`, so the parser's current parent label plays no part): the same text always
//   parses to the same operands, which the copies share.

import type { Instruction } from "./statements.js";

export interface SettledLine {
  /** The bytes of a settled instruction, or undefined for a parsed one. */
  bytes: number[] | undefined;
  /** The instruction of an unsettled line (its operands are shared by every copy). */
  instruction: Instruction | undefined;
  /** The column its location names. */
  column: number;
}

/** Beyond this many distinct lines, new ones are no longer remembered (files without repeats gain nothing). */
const LIMIT = 50_000;

export class SettledLines {
  private readonly lines = new Map<string, SettledLine>();

  get(text: string): SettledLine | undefined {
    return this.lines.get(text);
  }

  rememberBytes(text: string, bytes: number[], column: number): void {
    // The encoder's list, of exactly their number, which nothing changes afterwards.
    if (this.lines.size < LIMIT) this.lines.set(text, { bytes, instruction: undefined, column });
  }

  /** Remembers an instruction line if its parse cannot depend on what came before it. */
  rememberInstruction(text: string, instruction: Instruction, column: number): void {
    if (this.lines.size < LIMIT && !text.includes(".")) this.lines.set(text, { bytes: undefined, instruction, column });
  }
}
