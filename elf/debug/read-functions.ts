// The functions .debug_info describes: every DW_TAG_subprogram with a name and an
// address range (low_pc + high_pc, high_pc as an address or, DWARF 4, a length).
// Units of versions 2 to 4 (32-bit); attribute values of other forms are skipped.

import { ByteReader } from "./byte-reader.js";
import {
  DW_AT_high_pc, DW_AT_low_pc, DW_AT_name, DW_FORM_addr, DW_FORM_block, DW_FORM_block1, DW_FORM_data1, DW_FORM_data2,
  DW_FORM_data4, DW_FORM_data8, DW_FORM_exprloc, DW_FORM_flag, DW_FORM_flag_present, DW_FORM_ref4, DW_FORM_sdata,
  DW_FORM_sec_offset, DW_FORM_string, DW_FORM_strp, DW_FORM_udata, DW_TAG_subprogram,
} from "./dwarf-constants.js";

export interface DebugFunction {
  name: string;
  low: number;
  high: number;
}

interface Abbrev {
  tag: number;
  children: boolean;
  attrs: [number, number][];
}

function readAbbrevs(section: Uint8Array, offset: number): Map<number, Abbrev> {
  const r = new ByteReader(section, offset);
  const out = new Map<number, Abbrev>();
  for (let code = r.uleb(); code !== 0; code = r.uleb()) {
    const tag = r.uleb();
    const children = r.u8() !== 0;
    const attrs: [number, number][] = [];
    for (;;) {
      const at = r.uleb();
      const form = r.uleb();
      if (at === 0 && form === 0) break;
      attrs.push([at, form]);
    }
    out.set(code, { tag, children, attrs });
  }
  return out;
}

type Value = number | string | undefined;

function readValue(r: ByteReader, form: number, addressSize: number, version: number, str: Uint8Array | undefined): Value {
  switch (form) {
    case DW_FORM_addr: return addressSize === 4 ? r.u32() : (r.skip(addressSize), undefined);
    case DW_FORM_data1: case 0x11 /* ref1 */: return r.u8();
    case DW_FORM_data2: case 0x12 /* ref2 */: return r.u16();
    case DW_FORM_data4: case DW_FORM_ref4: case DW_FORM_sec_offset: return r.u32();
    case DW_FORM_data8: case 0x14 /* ref8 */: case 0x20 /* ref_sig8 */: r.skip(8); return undefined;
    case DW_FORM_sdata: return r.sleb();
    case DW_FORM_udata: case 0x15 /* ref_udata */: return r.uleb();
    case DW_FORM_string: return r.cstring();
    case DW_FORM_strp: {
      const at = r.u32();
      return str ? new ByteReader(str, at).cstring() : undefined;
    }
    case 0x10 /* ref_addr */: version <= 2 ? r.skip(addressSize) : r.skip(4); return undefined;
    case DW_FORM_flag: return r.u8();
    case DW_FORM_flag_present: return 1;
    case DW_FORM_block1: r.skip(r.u8()); return undefined;
    case 0x03 /* block2 */: r.skip(r.u16()); return undefined;
    case 0x04 /* block4 */: r.skip(r.u32()); return undefined;
    case DW_FORM_block: case DW_FORM_exprloc: r.skip(r.uleb()); return undefined;
    case 0x16 /* indirect */: return readValue(r, r.uleb(), addressSize, version, str);
    default: throw new Error(`.debug_info: attribute form 0x${form.toString(16)} is not supported`);
  }
}

export function readFunctions(info: Uint8Array, abbrev: Uint8Array, str?: Uint8Array): DebugFunction[] {
  const out: DebugFunction[] = [];
  const r = new ByteReader(info);
  while (!r.done) {
    const unitLength = r.u32();
    if (unitLength === 0xffffffff) throw new Error(".debug_info: 64-bit DWARF is not supported");
    const unitEnd = r.at + unitLength;
    const version = r.u16();
    if (version < 2 || version > 4) {
      r.at = unitEnd; // DWARF 5 units are skipped (ts386 writes version 4)
      continue;
    }
    const abbrevs = readAbbrevs(abbrev, r.u32());
    const addressSize = r.u8();
    while (r.at < unitEnd) {
      const code = r.uleb();
      if (code === 0) continue;
      const a = abbrevs.get(code);
      if (!a) throw new Error(`.debug_info: abbreviation ${code} is not defined`);
      let name: string | undefined, low: number | undefined, high: number | undefined, highIsLength = false;
      for (const [at, form] of a.attrs) {
        const v = readValue(r, form, addressSize, version, str);
        if (at === DW_AT_name && typeof v === "string") name = v;
        else if (at === DW_AT_low_pc && typeof v === "number") low = v;
        else if (at === DW_AT_high_pc && typeof v === "number") {
          high = v;
          highIsLength = form !== DW_FORM_addr;
        }
      }
      if (a.tag === DW_TAG_subprogram && name !== undefined && low !== undefined && high !== undefined) {
        out.push({ name, low, high: highIsLength ? low + high : high });
      }
    }
    r.at = unitEnd;
  }
  return out.sort((x, y) => x.low - y.low);
}
