// The debug information of one compiled object: .debug_line, .debug_info,
// .debug_abbrev, .debug_loc, .debug_aranges and .debug_frame, added to the assembled object.

import type { Statement } from "../../assembler/statements.js";
import type { ObjectFile } from "../../elf/types.js";
import type { IrModule } from "../ir.js";
import { attachSections } from "./attach-sections.js";
import { buildCallFrames } from "./call-frames.js";
import { buildCodeMap, type PlacedInstruction } from "./code-map.js";
import { buildDebugInfo, type GlobalVariable, type UnitDescription } from "./debug-info.js";
import { buildLineProgram } from "./line-program.js";

/** The module's data that stores TS variables, with its section and offset in the object. */
function globalVariables(object: ObjectFile, module: IrModule): GlobalVariable[] {
  const out: GlobalVariable[] = [];
  for (const d of module.data) {
    const sym = d.debug && object.symbols.find((s) => s.name === d.name && s.section.kind === "section");
    if (!d.debug || !sym || sym.section.kind !== "section") continue;
    out.push({ ...d.debug, section: object.sections[sym.section.index]!.name, offset: sym.value });
  }
  return out;
}

export function addDebugSections(object: ObjectFile, module: IrModule, statements: Statement[], placed: PlacedInstruction[], unit: UnitDescription): ObjectFile {
  if (!object.sections.some((s) => s.name === ".text")) return object;
  const map = buildCodeMap(object, placed.filter((p) => p.section === ".text"), module.functions);
  const lines = buildLineProgram(map);
  const info = buildDebugInfo(map, unit, lines.fileNumber, statements, globalVariables(object, module), module.classes ?? []);
  return attachSections(object, [
    { name: ".debug_info", bytes: info.info },
    { name: ".debug_abbrev", bytes: info.abbrev },
    { name: ".debug_aranges", bytes: info.aranges },
    { name: ".debug_line", bytes: lines.bytes },
    { name: ".debug_loc", bytes: info.loc },
    { name: ".debug_frame", bytes: buildCallFrames(map) },
  ]);
}
