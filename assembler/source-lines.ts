// The lines of one source file, made into SourceLine objects only when read.
// Holding 100,000 line objects (and their strings) through preprocessing and
// parsing made the garbage collector copy them again and again; offsets into the
// file's text cost nothing to keep.

import type { SourceLine } from "./preprocess.js";
import type { LineOrigin } from "./lexer.js";

/**
 * A line exactly as its file has it, which is also its own origin (see
 * FileLines.originOf): one object per line read instead of two.
 */
export class FileLine implements SourceLine, LineOrigin {
  readonly origin: LineOrigin = this;
  constructor(readonly file: string, readonly line: number, readonly text: string, readonly source: FileLines) {}
}

/** What the preprocessor's line loop reads: a file's lines, or a macro or %rep body (an array). */
export interface LineSequence {
  readonly length: number;
  at(i: number): SourceLine | undefined;
  slice(start: number, end: number): SourceLine[];
}

// Each scan is a function of its own: a loop over a whole file is compiled while it
// runs (on-stack replacement), and one function holding several such loops was
// compiled again, and thrown away, at each next loop it reached.

/**
 * Physical lines: split at "\n"; a "\r" before it is dropped (not on the last piece,
 * which has no "\n"), and an empty last piece is no line.
 */
function countLines(text: string): number {
  let count = 0;
  for (let pos = text.indexOf("\n"); pos >= 0; pos = text.indexOf("\n", pos + 1)) count++;
  const last = text.lastIndexOf("\n") + 1;
  if (last < text.length) count++;
  return count;
}

/** Fills in where each line starts and ends; returns whether some line ends with a backslash. */
function findLines(text: string, starts: Int32Array, ends: Int32Array): boolean {
  let continued = false;
  for (let pos = 0, k = 0; k < starts.length; k++) {
    const nl = text.indexOf("\n", pos);
    const end = nl < 0 ? text.length : nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    starts[k] = pos;
    ends[k] = end;
    if (end > pos && text.charCodeAt(end - 1) === 92 /* \ */) continued = true;
    if (nl < 0) break;
    pos = nl + 1;
  }
  return continued;
}

export class FileLines implements LineSequence {
  readonly length: number;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  /** Physical line number of each logical line (they differ after a `\` continuation). */
  private readonly numbers: Int32Array | undefined;
  /** Text of lines joined by `\` continuations. */
  private readonly joined = new Map<number, string>();

  constructor(private readonly text: string, private readonly file: string) {
    // Counted first, so that the tables are allocated once at their size.
    const count = countLines(text);
    let starts = new Int32Array(count);
    let ends = new Int32Array(count);
    // A trailing backslash continues the line (nasm joins them).
    let numbers: number[] | undefined;
    if (findLines(text, starts, ends)) {
      numbers = [];
      const s: number[] = [];
      const e: number[] = [];
      for (let i = 0; i < starts.length; i++) {
        const first = i;
        let t = text.slice(starts[i], ends[i]);
        const continued = t.endsWith("\\") && i + 1 < starts.length;
        while (t.endsWith("\\") && i + 1 < starts.length) {
          i++;
          t = t.slice(0, -1) + text.slice(starts[i], ends[i]);
        }
        if (continued) this.joined.set(s.length, t);
        s.push(starts[first]!);
        e.push(ends[first]!);
        numbers.push(first + 1);
      }
      starts = Int32Array.from(s);
      ends = Int32Array.from(e);
      this.numbers = Int32Array.from(numbers);
    }
    this.starts = starts;
    this.ends = ends;
    this.length = starts.length;
  }

  at(i: number): SourceLine | undefined {
    if (i < 0 || i >= this.length) return undefined;
    const text = this.joined.size > 0 ? (this.joined.get(i) ?? this.text.slice(this.starts[i], this.ends[i])) : this.text.slice(this.starts[i], this.ends[i]);
    return new FileLine(this.file, this.numbers ? this.numbers[i]! : i + 1, text, this);
  }

  /** The origin of the line numbered `line` (1-based, as in the file), made again. */
  originOf(line: number): LineOrigin | undefined {
    if (!this.numbers) return this.at(line - 1)?.origin;
    const i = this.numbers.indexOf(line);
    return i < 0 ? undefined : this.at(i)!.origin;
  }

  slice(start: number, end: number): SourceLine[] {
    const out: SourceLine[] = [];
    for (let i = start; i < end && i < this.length; i++) out.push(this.at(i)!);
    return out;
  }
}
