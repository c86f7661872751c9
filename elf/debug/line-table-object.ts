// The kernel's own address-to-line table: a compact copy of the executable's DWARF
// (functions and line rows) that the kernel reads at run time to name the code of
// a fault (kernel/code_location.ts). It is an object with one allocated section,
// `.rodata.ts386_lines`, and the global symbol `__ts386_line_table` at its start.
//
// Layout (little-endian u32 unless said otherwise; offsets from the table's start):
//    0  magic "TSLN"              4  function count
//    8  functions offset          12 row count
//   16  rows offset               20 file count
//   24  files offset (u32 string offset each)
//   functions: start, end, name string offset (sorted by start)
//   rows: address, line (u16), file (u16; 0xFFFF: no line from here on) (sorted)
//   strings: NUL-terminated, after the rows

import { SHF_ALLOC, SHT_PROGBITS, type ObjectFile } from "../types.js";
import type { Symbolizer } from "./symbolizer.js";

export const LINE_TABLE_SYMBOL = "__ts386_line_table";
export const LINE_TABLE_SECTION = ".rodata.ts386_lines";
export const LINE_TABLE_MAGIC = 0x4e4c5354; // "TSLN"
const NO_LINE = 0xffff;
const HEADER_SIZE = 28;

export interface LineTableContents {
  functions: { name: string; low: number; high: number }[];
  rows: { address: number; file: string; line: number; endSequence: boolean }[];
}

/** The table's bytes. */
export function encodeLineTable(contents: LineTableContents): Uint8Array {
  const files: string[] = [];
  const fileIndex = new Map<string, number>();
  const rows = contents.rows.map((r) => {
    let f = fileIndex.get(r.file);
    if (f === undefined && !r.endSequence) fileIndex.set(r.file, (f = files.push(r.file) - 1));
    return { address: r.address, line: Math.min(r.line, 0xffff), file: r.endSequence ? NO_LINE : f! };
  });
  const functionsAt = HEADER_SIZE;
  const rowsAt = functionsAt + 12 * contents.functions.length;
  const filesAt = rowsAt + 8 * rows.length;
  const stringsAt = filesAt + 4 * files.length;
  const strings: number[] = [];
  const stringOffset = (s: string): number => {
    const at = stringsAt + strings.length;
    strings.push(...new TextEncoder().encode(s), 0);
    return at;
  };
  const fileNames = files.map(stringOffset);
  const functionNames = contents.functions.map((f) => stringOffset(f.name));
  const size = stringsAt + strings.length;
  const bytes = new Uint8Array((size + 3) & ~3);
  const dv = new DataView(bytes.buffer);
  const header = [LINE_TABLE_MAGIC, contents.functions.length, functionsAt, rows.length, rowsAt, files.length, filesAt];
  header.forEach((v, i) => dv.setUint32(4 * i, v, true));
  contents.functions.forEach((f, i) => {
    dv.setUint32(functionsAt + 12 * i, f.low, true);
    dv.setUint32(functionsAt + 12 * i + 4, f.high, true);
    dv.setUint32(functionsAt + 12 * i + 8, functionNames[i]!, true);
  });
  rows.forEach((r, i) => {
    dv.setUint32(rowsAt + 8 * i, r.address, true);
    dv.setUint16(rowsAt + 8 * i + 4, r.line, true);
    dv.setUint16(rowsAt + 8 * i + 6, r.file, true);
  });
  fileNames.forEach((o, i) => dv.setUint32(filesAt + 4 * i, o, true));
  bytes.set(strings, stringsAt);
  return bytes;
}

/** The contents for an executable: its DWARF functions and rows, one row per change of file or line. */
export function lineTableContents(symbolizer: Symbolizer): LineTableContents {
  const rows: LineTableContents["rows"] = [];
  const sorted = symbolizer.rows.map((r, i) => ({ r, i })).sort((a, b) => a.r.address - b.r.address || a.i - b.i).map(({ r }) => r);
  for (const r of sorted) {
    const last = rows[rows.length - 1];
    if (last && last.address === r.address) rows.pop(); // the later row at an address wins
    const prev = rows[rows.length - 1];
    if (prev && !r.endSequence && !prev.endSequence && prev.file === r.file && prev.line === r.line) continue;
    rows.push({ address: r.address, file: r.file, line: r.line, endSequence: r.endSequence });
  }
  return { functions: symbolizer.functions.map((f) => ({ name: f.name, low: f.low, high: f.high })), rows };
}

/** The table as a relocatable object to link into the executable. */
export function lineTableObject(contents: LineTableContents): ObjectFile {
  const data = encodeLineTable(contents);
  return {
    name: "<line table>",
    sections: [{ name: LINE_TABLE_SECTION, type: SHT_PROGBITS, flags: SHF_ALLOC, align: 4, data, size: data.length, relocations: [] }],
    symbols: [
      { name: LINE_TABLE_SECTION, value: 0, size: 0, binding: "local", type: "section", section: { kind: "section", index: 0 } },
      { name: LINE_TABLE_SYMBOL, value: 0, size: data.length, binding: "global", type: "object", section: { kind: "section", index: 0 } },
    ],
  };
}
