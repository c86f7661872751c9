// Adds non-allocated sections (the DWARF ones) to an assembled object: each gets a
// local section symbol, inserted after the existing locals (relocations of the
// other sections are renumbered), and its references become R_386_32 relocations
// against the section symbols of the sections they point into.

import { R_386_32, type ObjectFile, type ObjectSection } from "../../elf/types.js";
import type { ByteWriter } from "./byte-writer.js";

export function attachSections(object: ObjectFile, added: { name: string; bytes: ByteWriter }[]): ObjectFile {
  const sections: ObjectSection[] = [...object.sections];
  const firstNew = sections.length;
  for (const a of added) {
    const data = a.bytes.finish();
    sections.push({ name: a.name, type: 1 /* SHT_PROGBITS */, flags: 0, align: 1, data, size: data.length, relocations: [] });
  }
  // New section symbols go right after the last local symbol.
  const insertAt = object.symbols.findIndex((s) => s.binding !== "local");
  const at = insertAt < 0 ? object.symbols.length : insertAt;
  const newSymbols = added.map((_, k) => ({
    name: added[k]!.name, value: 0, size: 0, binding: "local" as const, type: "section" as const, section: { kind: "section" as const, index: firstNew + k },
  }));
  const symbols = [...object.symbols.slice(0, at), ...newSymbols, ...object.symbols.slice(at)];
  const shift = (i: number): number => (i >= at ? i + added.length : i);
  for (let i = 0; i < firstNew; i++) {
    const s = sections[i]!;
    sections[i] = { ...s, relocations: s.relocations.map((r) => ({ ...r, symbol: shift(r.symbol) })) };
  }
  const sectionSymbol = (name: string): number => {
    const index = sections.findIndex((s) => s.name === name);
    const sym = symbols.findIndex((s) => s.type === "section" && s.section.kind === "section" && s.section.index === index);
    if (index < 0 || sym < 0) throw new Error(`debug info refers to section ${name}, which has no section symbol`);
    return sym;
  };
  added.forEach((a, k) => {
    sections[firstNew + k]!.relocations = a.bytes.references.map((r) => ({ offset: r.offset, type: R_386_32, symbol: sectionSymbol(r.section) }));
  });
  return { ...object, sections, symbols };
}
