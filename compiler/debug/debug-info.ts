// .debug_abbrev, .debug_info, .debug_loc and .debug_aranges (DWARF 4, 32-bit): one
// compile unit per object covering its .text, the base types of the ts386 integers,
// and a DW_TAG_subprogram per function (name, declaration file and line, address
// range, frame base = the CFA) with its named parameters and locals (variables.ts).

import type { Statement } from "../../assembler/statements.js";
import { ByteWriter } from "./byte-writer.js";
import type { CodeMap } from "./code-map.js";
import { functionVariables, writeLocationList, type LocatedVariable } from "./variables.js";
import {
  DW_AT_comp_dir, DW_AT_decl_file, DW_AT_decl_line, DW_AT_external, DW_AT_frame_base, DW_AT_high_pc, DW_AT_language,
  DW_AT_low_pc, DW_AT_name, DW_AT_producer, DW_AT_prototyped, DW_AT_stmt_list, DW_CHILDREN_no, DW_CHILDREN_yes,
  DW_FORM_addr, DW_FORM_data2, DW_FORM_data4, DW_FORM_exprloc, DW_FORM_flag_present, DW_FORM_sec_offset, DW_FORM_string,
  DW_FORM_udata, DW_LANG_C99, DW_OP_call_frame_cfa, DW_TAG_compile_unit, DW_TAG_subprogram,
  DW_AT_byte_size, DW_AT_encoding, DW_AT_location, DW_AT_type, DW_ATE_boolean, DW_ATE_signed, DW_ATE_unsigned,
  DW_FORM_data1, DW_FORM_ref4, DW_TAG_base_type, DW_TAG_formal_parameter, DW_TAG_variable,
  DW_AT_upper_bound, DW_OP_addr, DW_TAG_array_type, DW_TAG_subrange_type,
  DW_AT_data_member_location, DW_TAG_member, DW_TAG_pointer_type, DW_TAG_structure_type,
} from "../../elf/debug/dwarf-constants.js";
import type { DebugClass } from "../ir.js";

const ABBREV_UNIT = 1;
const ABBREV_FUNCTION = 2;
const ABBREV_LOCAL_FUNCTION = 3;
const ABBREV_BASE_TYPE = 4;
/** Functions that return a value: with DW_AT_type (exported, local). */
const ABBREV_TYPED_FUNCTION = 11;
const ABBREV_TYPED_LOCAL_FUNCTION = 12;
const ABBREV_GLOBAL = 13;
const ABBREV_ARRAY_TYPE = 14;
const ABBREV_SUBRANGE = 15;
const ABBREV_STRUCTURE = 16;
const ABBREV_MEMBER = 17;
const ABBREV_POINTER = 18;

/** A module-level variable or StaticArray: where it is (a section of this object) and what it holds. */
export interface GlobalVariable {
  name: string;
  type: string;
  /** For a StaticArray: its length. */
  length?: number;
  section: string;
  offset: number;
}
/** Per tag (parameter, variable): with a location list, with a location expression, without a location. */
const ABBREV_VARIABLE = { param: { list: 5, expr: 6, none: 7 }, local: { list: 8, expr: 9, none: 10 } };

/** Base types: the ts386 integers and bool; any other type (a class, a string, a function) is a 32-bit address. */
const BASE_TYPES: Record<string, { size: number; encoding: number }> = {
  i8: { size: 1, encoding: DW_ATE_signed }, i16: { size: 2, encoding: DW_ATE_signed }, i32: { size: 4, encoding: DW_ATE_signed },
  isize: { size: 4, encoding: DW_ATE_signed }, u8: { size: 1, encoding: DW_ATE_unsigned }, u16: { size: 2, encoding: DW_ATE_unsigned },
  u32: { size: 4, encoding: DW_ATE_unsigned }, usize: { size: 4, encoding: DW_ATE_unsigned }, bool: { size: 1, encoding: DW_ATE_boolean },
};
const baseType = (name: string) => BASE_TYPES[name] ?? { size: 4, encoding: DW_ATE_unsigned };

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
  abbrev(ABBREV_FUNCTION, DW_TAG_subprogram, DW_CHILDREN_yes, [...fn, [DW_AT_external, DW_FORM_flag_present]]);
  abbrev(ABBREV_LOCAL_FUNCTION, DW_TAG_subprogram, DW_CHILDREN_yes, fn);
  abbrev(ABBREV_TYPED_FUNCTION, DW_TAG_subprogram, DW_CHILDREN_yes, [...fn, [DW_AT_external, DW_FORM_flag_present], [DW_AT_type, DW_FORM_ref4]]);
  abbrev(ABBREV_TYPED_LOCAL_FUNCTION, DW_TAG_subprogram, DW_CHILDREN_yes, [...fn, [DW_AT_type, DW_FORM_ref4]]);
  abbrev(ABBREV_GLOBAL, DW_TAG_variable, DW_CHILDREN_no, [[DW_AT_name, DW_FORM_string], [DW_AT_type, DW_FORM_ref4], [DW_AT_location, DW_FORM_exprloc]]);
  abbrev(ABBREV_ARRAY_TYPE, DW_TAG_array_type, DW_CHILDREN_yes, [[DW_AT_type, DW_FORM_ref4]]);
  abbrev(ABBREV_SUBRANGE, DW_TAG_subrange_type, DW_CHILDREN_no, [[DW_AT_upper_bound, DW_FORM_data4]]);
  abbrev(ABBREV_STRUCTURE, DW_TAG_structure_type, DW_CHILDREN_yes, [[DW_AT_name, DW_FORM_string], [DW_AT_byte_size, DW_FORM_data4]]);
  abbrev(ABBREV_MEMBER, DW_TAG_member, DW_CHILDREN_no, [[DW_AT_name, DW_FORM_string], [DW_AT_type, DW_FORM_ref4], [DW_AT_data_member_location, DW_FORM_data4]]);
  abbrev(ABBREV_POINTER, DW_TAG_pointer_type, DW_CHILDREN_no, [[DW_AT_byte_size, DW_FORM_data1], [DW_AT_type, DW_FORM_ref4]]);
  abbrev(ABBREV_BASE_TYPE, DW_TAG_base_type, DW_CHILDREN_no, [[DW_AT_name, DW_FORM_string], [DW_AT_byte_size, DW_FORM_data1], [DW_AT_encoding, DW_FORM_data1]]);
  for (const [tag, codes] of [[DW_TAG_formal_parameter, ABBREV_VARIABLE.param], [DW_TAG_variable, ABBREV_VARIABLE.local]] as const) {
    const common: [number, number][] = [[DW_AT_name, DW_FORM_string], [DW_AT_type, DW_FORM_ref4]];
    abbrev(codes.list, tag, DW_CHILDREN_no, [...common, [DW_AT_location, DW_FORM_sec_offset]]);
    abbrev(codes.expr, tag, DW_CHILDREN_no, [...common, [DW_AT_location, DW_FORM_exprloc]]);
    abbrev(codes.none, tag, DW_CHILDREN_no, common);
  }
  w.u8(0);
  return w;
}

export interface DebugInfoSections {
  abbrev: ByteWriter;
  info: ByteWriter;
  aranges: ByteWriter;
  loc: ByteWriter;
}

export function buildDebugInfo(map: CodeMap, unit: UnitDescription, fileNumber: (file: string) => number, statements: Statement[], globals: GlobalVariable[] = [], classes: DebugClass[] = [], textSection = ".text"): DebugInfoSections {
  const info = new ByteWriter();
  info.u32(0); // unit_length, patched
  info.u16(4);
  info.reference(".debug_abbrev", 0);
  info.u8(4); // address_size
  info.uleb(ABBREV_UNIT).string(unit.producer).u16(DW_LANG_C99).string(unit.name).string(unit.compDir);
  info.reference(textSection, 0).u32(map.textSize);
  info.reference(".debug_line", 0);
  const functions = map.functions.filter((f) => f.end > f.start).map((f) => ({ f, variables: functionVariables(f, statements) }));
  // Base types first, so variables refer back to them (ref4: offsets from the unit's start).
  const typeOffsets = new Map<string, number>();
  const typeName = (v: LocatedVariable) => v.type ?? "usize";
  const used = [
    ...functions.flatMap(({ f, variables }) => [...variables.map(typeName), ...(f.returnType !== undefined ? [f.returnType] : [])]),
    ...globals.map((g) => g.type),
    ...classes.flatMap((c) => c.fields.map((f) => f.type)),
  ];
  const classByName = new Map(classes.map((c) => [c.name, c]));
  for (const name of new Set(used)) {
    if (classByName.has(name)) continue;
    typeOffsets.set(name, info.length);
    const t = baseType(name);
    info.uleb(ABBREV_BASE_TYPE).string(name).u8(t.size).u8(t.encoding);
  }
  // A class value is the address of its fields: a pointer to the structure. Members that
  // are class values point forward to pointer entries written after the structures.
  const forward: { at: number; cls: string }[] = [];
  const structures = new Map<string, number>();
  for (const c of classByName.values()) {
    structures.set(c.name, info.length);
    info.uleb(ABBREV_STRUCTURE).string(c.name).u32(c.size);
    for (const f of c.fields) {
      info.uleb(ABBREV_MEMBER).string(f.name);
      if (classByName.has(f.type)) forward.push({ at: info.length, cls: f.type });
      info.u32(typeOffsets.get(f.type) ?? 0).u32(f.offset);
    }
    info.u8(0);
  }
  for (const [name, struct] of structures) {
    typeOffsets.set(name, info.length);
    info.uleb(ABBREV_POINTER).u8(4).u32(struct);
  }
  for (const f of forward) info.patch32(f.at, typeOffsets.get(f.cls)!);
  // Module-level variables at fixed addresses; a StaticArray is an array of its element type.
  for (const g of globals) {
    let type = typeOffsets.get(g.type)!;
    if (g.length !== undefined) {
      const array = info.length;
      info.uleb(ABBREV_ARRAY_TYPE).u32(type);
      info.uleb(ABBREV_SUBRANGE).u32(Math.max(g.length, 1) - 1);
      info.u8(0);
      type = array;
    }
    info.uleb(ABBREV_GLOBAL).string(g.name).u32(type);
    info.uleb(5).u8(DW_OP_addr).reference(g.section, g.offset);
  }
  const loc = new ByteWriter();
  for (const { f, variables } of functions) {
    const typed = f.returnType !== undefined;
    info.uleb(typed ? (f.exported ? ABBREV_TYPED_FUNCTION : ABBREV_TYPED_LOCAL_FUNCTION) : f.exported ? ABBREV_FUNCTION : ABBREV_LOCAL_FUNCTION).string(f.name);
    info.uleb(f.pos ? fileNumber(f.pos.file) : 0).uleb(f.pos?.line ?? 0);
    info.reference(textSection, f.start).u32(f.end - f.start);
    info.uleb(1).u8(DW_OP_call_frame_cfa);
    if (typed) info.u32(typeOffsets.get(f.returnType!)!);
    for (const v of variables) {
      const codes = v.param ? ABBREV_VARIABLE.param : ABBREV_VARIABLE.local;
      info.uleb(codes[v.location.kind]).string(v.name).u32(typeOffsets.get(typeName(v))!);
      if (v.location.kind === "list") info.reference(".debug_loc", writeLocationList(loc, v.location.entries));
      else if (v.location.kind === "expr") info.uleb(v.location.bytes.length).bytes(v.location.bytes);
    }
    info.u8(0); // end of the function's children
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
  return { abbrev: abbreviations(), info, aranges, loc };
}
