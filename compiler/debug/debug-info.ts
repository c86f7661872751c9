// .debug_abbrev, .debug_info and .debug_aranges (DWARF 4, 32-bit): one compile unit
// per object covering its .text, with a DW_TAG_subprogram per function (name,
// declaration file and line, address range, frame base = the CFA).

import { ByteWriter } from "./byte-writer.js";
import type { CodeMap } from "./code-map.js";
import {
  DW_AT_comp_dir, DW_AT_decl_file, DW_AT_decl_line, DW_AT_external, DW_AT_frame_base, DW_AT_high_pc, DW_AT_language,
  DW_AT_low_pc, DW_AT_name, DW_AT_producer, DW_AT_prototyped, DW_AT_stmt_list, DW_CHILDREN_no, DW_CHILDREN_yes,
  DW_FORM_addr, DW_FORM_data2, DW_FORM_data4, DW_FORM_exprloc, DW_FORM_flag_present, DW_FORM_sec_offset, DW_FORM_string,
  DW_FORM_udata, DW_LANG_C99, DW_OP_call_frame_cfa, DW_TAG_compile_unit, DW_TAG_subprogram,
} from "../../elf/debug/dwarf-constants.js";

const ABBREV_UNIT = 1;
const ABBREV_FUNCTION = 2;
const ABBREV_LOCAL_FUNCTION = 3;

export interface UnitDescription {
  /** DW_AT_name: the entry file. */
  name: string;
  /** DW_AT_comp_dir: what the file names are relative to. */
  compDir: string;
  producer: string;
}

function abbreviations(): ByteWriter {
  const w = new ByteWriter();
  const abbrev = (code: number, tag: number, children: number, attrs: [number, number][]): void => {
    w.uleb(code).uleb(tag).u8(children);
    for (const [at, form] of attrs) w.uleb(at).uleb(form);
    w.u8(0).u8(0);
  };
  abbrev(ABBREV_UNIT, DW_TAG_compile_unit, DW_CHILDREN_yes, [
    [DW_AT_producer, DW_FORM_string], [DW_AT_language, DW_FORM_data2], [DW_AT_name, DW_FORM_string],
    [DW_AT_comp_dir, DW_FORM_string], [DW_AT_low_pc, DW_FORM_addr], [DW_AT_high_pc, DW_FORM_data4],
    [DW_AT_stmt_list, DW_FORM_sec_offset],
  ]);
  const fn: [number, number][] = [
    [DW_AT_name, DW_FORM_string], [DW_AT_decl_file, DW_FORM_udata], [DW_AT_decl_line, DW_FORM_udata],
    [DW_AT_prototyped, DW_FORM_flag_present], [DW_AT_low_pc, DW_FORM_addr], [DW_AT_high_pc, DW_FORM_data4],
    [DW_AT_frame_base, DW_FORM_exprloc],
  ];
  abbrev(ABBREV_FUNCTION, DW_TAG_subprogram, DW_CHILDREN_no, [...fn, [DW_AT_external, DW_FORM_flag_present]]);
  abbrev(ABBREV_LOCAL_FUNCTION, DW_TAG_subprogram, DW_CHILDREN_no, fn);
  w.u8(0);
  return w;
}

export interface DebugInfoSections {
  abbrev: ByteWriter;
  info: ByteWriter;
  aranges: ByteWriter;
}

export function buildDebugInfo(map: CodeMap, unit: UnitDescription, fileNumber: (file: string) => number, textSection = ".text"): DebugInfoSections {
  const info = new ByteWriter();
  info.u32(0); // unit_length, patched
  info.u16(4);
  info.reference(".debug_abbrev", 0);
  info.u8(4); // address_size
  info.uleb(ABBREV_UNIT).string(unit.producer).u16(DW_LANG_C99).string(unit.name).string(unit.compDir);
  info.reference(textSection, 0).u32(map.textSize);
  info.reference(".debug_line", 0);
  for (const f of map.functions) {
    if (f.end <= f.start) continue;
    info.uleb(f.exported ? ABBREV_FUNCTION : ABBREV_LOCAL_FUNCTION).string(f.name);
    info.uleb(f.pos ? fileNumber(f.pos.file) : 0).uleb(f.pos?.line ?? 0);
    info.reference(textSection, f.start).u32(f.end - f.start);
    info.uleb(1).u8(DW_OP_call_frame_cfa);
  }
  info.u8(0); // end of the unit's children
  info.patch32(0, info.length - 4);

  const aranges = new ByteWriter();
  aranges.u32(0);
  aranges.u16(2);
  aranges.reference(".debug_info", 0);
  aranges.u8(4).u8(0); // address_size, segment_selector_size
  aranges.u32(0); // padding: tuples start at a multiple of 8
  if (map.textSize > 0) aranges.reference(textSection, 0).u32(map.textSize);
  aranges.u32(0).u32(0);
  aranges.patch32(0, aranges.length - 4);
  return { abbrev: abbreviations(), info, aranges };
}
