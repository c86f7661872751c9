// Lines that are exactly one settled instruction (see byte-runs.ts), remembered by
// their text: the same text always gives the same bytes, so a line seen before is
// not tokenized, parsed and encoded again. Compiler output repeats lines a lot
// (`push ebp`, `mov ebp, esp`, `add esp, 4`, `leave`, `ret` ...).

/** The bytes of a line's instruction and the column its location names. */
export interface SettledLine {
  bytes: number[];
  column: number;
}

/** Beyond this many distinct lines, new ones are no longer remembered (files without repeats gain nothing). */
const LIMIT = 50_000;

export class SettledLines {
  private readonly lines = new Map<string, SettledLine>();

  get(text: string): SettledLine | undefined {
    return this.lines.get(text);
  }

  remember(text: string, bytes: number[], column: number): void {
    if (this.lines.size < LIMIT) this.lines.set(text, { bytes, column });
  }
}
