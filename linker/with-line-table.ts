// `ts386 link --line-table`: links twice so the executable carries its own
// address-to-line table (elf/debug/line-table-object.ts). The first link, with an
// empty table, fixes the code's addresses; the table made from its DWARF is then
// linked in its place. The table is read-only data placed after the code (in the
// kernel, at the end of .rodata), so the code does not move between the links:
// that is checked, not assumed.

import { fail } from "../common/diagnostics.js";
import { Symbolizer } from "../elf/debug/symbolizer.js";
import { lineTableContents, lineTableObject } from "../elf/debug/line-table-object.js";
import type { ObjectFile } from "../elf/types.js";
import { link, type LinkOptions, type LinkResult } from "./link.js";

export function linkWithLineTable(objects: ObjectFile[], options: LinkOptions): LinkResult {
  const first = link([...objects, lineTableObject({ functions: [], rows: [] })], options);
  const contents = lineTableContents(new Symbolizer(first.bytes, "<first link>"));
  const second = link([...objects, lineTableObject(contents)], options);
  const again = lineTableContents(new Symbolizer(second.bytes, "<second link>"));
  if (JSON.stringify(again) !== JSON.stringify(contents)) {
    fail("--line-table: the table moved code between the two links; the script must place .rodata.ts386_lines after the code", undefined, { origin: "linker" });
  }
  return second;
}
