// .debug_line (version 4): one sequence over the object's .text, a row wherever the
// TS file, line or column changes and at every function's start; the first row after
// a function's prologue is marked prologue_end (gdb's `break FUNCTION` stops there),
// and the prologue itself is on the first body line (see functionRows).
// File names are relative to the compile unit's directory (DW_AT_comp_dir).

import * as path from "node:path";
import { ByteWriter } from "./byte-writer.js";
import type { CodeMap, FunctionRange } from "./code-map.js";
import {
  DW_LNE_end_sequence, DW_LNE_set_address, DW_LNS_advance_line, DW_LNS_advance_pc, DW_LNS_copy, DW_LNS_set_column,
  DW_LNS_set_file, DW_LNS_set_prologue_end, LINE_BASE, LINE_RANGE, OPCODE_BASE, STANDARD_OPCODE_LENGTHS,
} from "../../elf/debug/dwarf-constants.js";
import { prologueLength } from "./prologue.js";

export interface LineProgram {
  bytes: ByteWriter;
  /** The 1-based file number of a source file, as DW_AT_decl_file wants it. */
  fileNumber(file: string): number;
}

export function buildLineProgram(map: CodeMap, textSection = ".text"): LineProgram {
  const files: string[] = [];
  const fileNumbers = new Map<string, number>();
  const fileNumber = (file: string): number => {
    let n = fileNumbers.get(file);
    if (n === undefined) {
      files.push(file);
      fileNumbers.set(file, (n = files.length));
    }
    return n;
  };
  for (const f of map.functions) {
    if (f.pos) fileNumber(f.pos.file);
    for (const p of f.instructions) if (p.ins.loc) fileNumber(p.ins.loc.file);
  }
  const dirs: string[] = [];
  const dirOf = (file: string): number => {
    const d = path.dirname(file);
    if (d === ".") return 0;
    let i = dirs.indexOf(d);
    if (i < 0) i = dirs.push(d) - 1;
    return i + 1;
  };
  const fileDirs = files.map(dirOf);

  const w = new ByteWriter();
  w.u32(0); // unit_length, patched
  w.u16(4); // version
  const headerLengthAt = w.length;
  w.u32(0); // header_length, patched
  const headerStart = w.length;
  w.u8(1); // minimum_instruction_length
  w.u8(1); // maximum_operations_per_instruction
  w.u8(1); // default_is_stmt
  w.u8(LINE_BASE & 0xff);
  w.u8(LINE_RANGE);
  w.u8(OPCODE_BASE);
  w.bytes(STANDARD_OPCODE_LENGTHS);
  for (const d of dirs) w.string(d);
  w.u8(0);
  files.forEach((f, i) => w.string(path.basename(f)).uleb(fileDirs[i]!).uleb(0).uleb(0));
  w.u8(0);
  w.patch32(headerLengthAt, w.length - headerStart);

  if (map.functions.length > 0) {
    // Registers of the line state machine.
    let address = map.functions[0]!.start;
    let file = 1;
    let line = 1;
    let column = 0;
    w.u8(0).uleb(5).u8(DW_LNE_set_address).reference(textSection, address);
    const row = (at: number, loc: { file: string; line: number; column: number }, prologueEnd: boolean): void => {
      if (at !== address) w.u8(DW_LNS_advance_pc).uleb(at - address);
      address = at;
      const n = fileNumber(loc.file);
      if (n !== file) w.u8(DW_LNS_set_file).uleb((file = n));
      if (loc.line !== line) w.u8(DW_LNS_advance_line).sleb(loc.line - line);
      line = loc.line;
      if (loc.column !== column) w.u8(DW_LNS_set_column).uleb((column = loc.column));
      if (prologueEnd) w.u8(DW_LNS_set_prologue_end);
      w.u8(DW_LNS_copy);
    };
    for (const f of map.functions) functionRows(f, row);
    if (map.textSize !== address) w.u8(DW_LNS_advance_pc).uleb(map.textSize - address);
    w.u8(0).uleb(1).u8(DW_LNE_end_sequence);
  }
  w.patch32(0, w.length - 4);
  return { bytes: w, fileNumber };
}

type RowWriter = (at: number, loc: { file: string; line: number; column: number }, prologueEnd: boolean) => void;

function functionRows(f: FunctionRange, row: RowWriter): void {
  const prologue = prologueLength(f);
  // The prologue belongs to the first body line: gdb's i386 prologue analysis knows only
  // frame-pointer prologues, so a `step` into the function stops at its first instruction,
  // which must then already be on a body line.
  let last = f.instructions[prologue]?.ins.loc ?? f.instructions[0]?.ins.loc ?? f.pos;
  if (!last) return;
  // prologue_end on the first body instruction (at the start itself when there is no prologue):
  // where gdb 13 puts `break FUNCTION`.
  row(f.start, last, prologue === 0);
  f.instructions.forEach((p, i) => {
    const loc = p.ins.loc;
    if (!loc || i === 0 || i < prologue) return;
    const atBodyStart = i === prologue;
    if (!atBodyStart && loc.file === last!.file && loc.line === last!.line && loc.column === last!.column) return;
    row(p.offset, loc, atBodyStart);
    last = loc;
  });
}
