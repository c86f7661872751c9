// Address -> function+offset and TS file:line, from an executable's DWARF
// (.debug_line rows, .debug_info subprograms) and, for code without debug info
// (the boot assembly), its function and label symbols, each ending where the next begins.

import { readExecutable } from "./read-executable.js";
import { readFunctions, type DebugFunction } from "./read-functions.js";
import { readLineTable, type LineRow } from "./read-line-table.js";

export interface CodeLocation {
  /** Function name, or undefined when no function covers the address. */
  function?: string;
  offset: number;
  file?: string;
  line: number;
}

export class Symbolizer {
  readonly rows: LineRow[];
  readonly functions: DebugFunction[];

  constructor(elf: Uint8Array, name: string) {
    const exe = readExecutable(elf, name);
    const section = (n: string) => exe.sections.get(n)?.data;
    const line = section(".debug_line");
    this.rows = line ? readLineTable(line) : [];
    const info = section(".debug_info");
    const abbrev = section(".debug_abbrev");
    const fromDwarf = info && abbrev ? readFunctions(info, abbrev, section(".debug_str")) : [];
    // Symbols of code that has no DWARF (STT_FUNC or STT_NOTYPE in an executable section), sized up to the next one.
    const covered = (a: number) => fromDwarf.some((f) => a >= f.low && a < f.high);
    const text = [...exe.sections.values()].filter((s) => (s.flags & 0x4) !== 0);
    const inText = (a: number) => text.some((s) => a >= s.address && a < s.address + s.data.length);
    const symbols = exe.symbols
      .filter((s) => (s.type === 2 || s.type === 0) && s.name !== "" && !s.name.includes(".") && inText(s.value) && !covered(s.value))
      .sort((a, b) => a.value - b.value);
    const sectionEnd = (a: number) => {
      const t = text.find((s) => a >= s.address && a < s.address + s.data.length)!;
      return t.address + t.data.length;
    };
    const fromSymbols: DebugFunction[] = symbols.map((s, i) => ({
      name: s.name, low: s.value,
      high: s.size > 0 ? s.value + s.size : Math.min(symbols[i + 1]?.value ?? Infinity, fromDwarf.find((f) => f.low > s.value)?.low ?? Infinity, sectionEnd(s.value)),
    }));
    this.functions = [...fromDwarf, ...fromSymbols].sort((a, b) => a.low - b.low);
  }

  /** The row that covers `address`: row i covers [its address, row i+1's) unless it ends a sequence. */
  row(address: number): LineRow | undefined {
    for (let i = 0; i + 1 < this.rows.length; i++) {
      const r = this.rows[i]!;
      if (!r.endSequence && address >= r.address && address < this.rows[i + 1]!.address) return r;
    }
    return undefined;
  }

  function(address: number): DebugFunction | undefined {
    return this.functions.find((f) => address >= f.low && address < f.high);
  }

  lookup(address: number): CodeLocation {
    const f = this.function(address);
    const r = this.row(address);
    return { ...(f ? { function: f.name } : {}), offset: f ? address - f.low : 0, ...(r ? { file: r.file } : {}), line: r?.line ?? 0 };
  }
}

/** `function+0xoff at file:line`, with `??` for what is unknown (as binutils prints it). */
export function formatLocation(l: CodeLocation): string {
  const fn = l.function === undefined ? "??" : `${l.function}+0x${l.offset.toString(16)}`;
  return `${fn} at ${l.file ?? "??"}:${l.line}`;
}
