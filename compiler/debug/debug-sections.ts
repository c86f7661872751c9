// The debug information of one compiled object: .debug_line, .debug_info,
// .debug_abbrev, .debug_loc, .debug_aranges and .debug_frame, added to the assembled object.

import type { Statement } from "../../assembler/statements.js";
import type { ObjectFile } from "../../elf/types.js";
import type { IrModule } from "../ir.js";
import { attachSections } from "./attach-sections.js";
import { buildCallFrames } from "./call-frames.js";
import { buildCodeMap, type PlacedInstruction } from "./code-map.js";
import { buildDebugInfo, type UnitDescription } from "./debug-info.js";
import { buildLineProgram } from "./line-program.js";

export function addDebugSections(object: ObjectFile, module: IrModule, statements: Statement[], placed: PlacedInstruction[], unit: UnitDescription): ObjectFile {
  if (!object.sections.some((s) => s.name === ".text")) return object;
  const map = buildCodeMap(object, placed.filter((p) => p.section === ".text"), module.functions);
  const lines = buildLineProgram(map);
  const info = buildDebugInfo(map, unit, lines.fileNumber, statements);
  return attachSections(object, [
    { name: ".debug_info", bytes: info.info },
    { name: ".debug_abbrev", bytes: info.abbrev },
    { name: ".debug_aranges", bytes: info.aranges },
    { name: ".debug_line", bytes: lines.bytes },
    { name: ".debug_loc", bytes: info.loc },
    { name: ".debug_frame", bytes: buildCallFrames(map) },
  ]);
}
