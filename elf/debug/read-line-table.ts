// Decodes .debug_line (versions 2 to 4, 32-bit DWARF) into address-ordered rows:
// the state machine's rows, each sequence ending in a row with endSequence set.
// File names are the directory entry joined with the name; directory 0 (the
// compile unit's directory) leaves the name as written.

import * as path from "node:path";
import { ByteReader } from "./byte-reader.js";
import {
  DW_LNE_define_file, DW_LNE_end_sequence, DW_LNE_set_address, DW_LNS_advance_line, DW_LNS_advance_pc, DW_LNS_const_add_pc,
  DW_LNS_copy, DW_LNS_fixed_advance_pc, DW_LNS_negate_stmt, DW_LNS_set_column, DW_LNS_set_file,
} from "./dwarf-constants.js";

export interface LineRow {
  address: number;
  file: string;
  line: number;
  column: number;
  endSequence: boolean;
}

export function readLineTable(section: Uint8Array): LineRow[] {
  const rows: LineRow[] = [];
  const r = new ByteReader(section);
  while (!r.done) {
    const unitLength = r.u32();
    if (unitLength === 0xffffffff) throw new Error(".debug_line: 64-bit DWARF is not supported");
    const unitEnd = r.at + unitLength;
    const version = r.u16();
    if (version < 2 || version > 4) throw new Error(`.debug_line: version ${version} is not supported (2 to 4)`);
    const headerLength = r.u32();
    const programStart = r.at + headerLength;
    const minInstructionLength = r.u8();
    if (version >= 4) r.u8(); // maximum_operations_per_instruction
    const defaultIsStmt = r.u8();
    void defaultIsStmt;
    const lineBase = r.i8();
    const lineRange = r.u8();
    const opcodeBase = r.u8();
    const opcodeLengths = Array.from({ length: opcodeBase - 1 }, () => r.u8());
    const dirs: string[] = [""];
    for (let d = r.cstring(); d !== ""; d = r.cstring()) dirs.push(d);
    const files: string[] = [""];
    const fileEntry = (name: string): void => {
      const dir = dirs[r.uleb()] ?? "";
      r.uleb();
      r.uleb();
      files.push(dir === "" || path.isAbsolute(name) ? name : path.join(dir, name));
    };
    for (let f = r.cstring(); f !== ""; f = r.cstring()) fileEntry(f);
    r.at = programStart;

    let address = 0, file = 1, line = 1, column = 0;
    const reset = (): void => {
      address = 0; file = 1; line = 1; column = 0;
    };
    const emit = (endSequence = false): void => {
      rows.push({ address, file: files[file] ?? `<file ${file}>`, line, column, endSequence });
    };
    while (r.at < unitEnd) {
      const op = r.u8();
      if (op >= opcodeBase) {
        const adjusted = op - opcodeBase;
        address += Math.floor(adjusted / lineRange) * minInstructionLength;
        line += lineBase + (adjusted % lineRange);
        emit();
        continue;
      }
      switch (op) {
        case 0: {
          const len = r.uleb();
          const end = r.at + len;
          const sub = r.u8();
          if (sub === DW_LNE_end_sequence) {
            emit(true);
            reset();
          } else if (sub === DW_LNE_set_address) address = r.u32();
          else if (sub === DW_LNE_define_file) fileEntry(r.cstring());
          r.at = end;
          break;
        }
        case DW_LNS_copy: emit(); break;
        case DW_LNS_advance_pc: address += r.uleb() * minInstructionLength; break;
        case DW_LNS_advance_line: line += r.sleb(); break;
        case DW_LNS_set_file: file = r.uleb(); break;
        case DW_LNS_set_column: column = r.uleb(); break;
        case DW_LNS_negate_stmt: break;
        case DW_LNS_const_add_pc: address += Math.floor((255 - opcodeBase) / lineRange) * minInstructionLength; break;
        case DW_LNS_fixed_advance_pc: address += r.u16(); break;
        default:
          // Any other standard opcode (basic_block, prologue_end, isa ...): skip its operands.
          for (let k = 0; k < (opcodeLengths[op - 1] ?? 0); k++) r.uleb();
      }
    }
    r.at = unitEnd;
  }
  return rows;
}
