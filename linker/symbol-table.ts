// The output .symtab: file symbols and locals object by object (so two objects'
// `loop` labels stay apart), then globals. Section indices point at output
// sections so `nm` shows T/D/B/R and gdb and addr2line find functions.

import {
  SHN_ABS, SHN_UNDEF, STB_GLOBAL, STB_LOCAL, STB_WEAK, STT_FILE, STT_NOTYPE,
  type ObjectFile,
} from "../elf/types.js";
import type { Layout } from "./layout.js";
import { addressIn, objectSymbolAddress } from "./layout.js";
import { symbolTypeCode, type Resolution } from "./resolve.js";
import type { OutputSection } from "./types.js";

export interface OutputSymbol {
  name: string;
  value: number;
  size: number;
  binding: number;
  type: number;
  /** st_other: the visibility. */
  other: number;
  /** Output section header index, SHN_ABS or SHN_UNDEF. */
  shndx: number;
}

export interface SymbolTable {
  symbols: OutputSymbol[];
  /** Index of the first non-local symbol (the .symtab sh_info). */
  firstGlobal: number;
  /** Final address of every global and script symbol. */
  addresses: Map<string, number>;
}

const indexOf = (s: OutputSection | null) => (s ? s.headerIndex : SHN_ABS);

export function buildSymbolTable(objects: ObjectFile[], resolution: Resolution, layout: Layout): SymbolTable {
  const locals: OutputSymbol[] = [];
  const globals: OutputSymbol[] = [];
  const addresses = new Map<string, number>();

  objects.forEach((obj, file) => {
    for (const sym of obj.symbols) {
      if (sym.binding !== "local" || sym.type === "section") continue;
      if (sym.type === "file") {
        locals.push({ name: sym.name, value: 0, size: 0, binding: STB_LOCAL, type: STT_FILE, other: 0, shndx: SHN_ABS });
        continue;
      }
      if (!sym.name) continue;
      if (sym.section.kind === "absolute") {
        locals.push({ name: sym.name, value: sym.value, size: sym.size, binding: STB_LOCAL, type: symbolTypeCode(sym), other: sym.visibility ?? 0, shndx: SHN_ABS });
      } else if (sym.section.kind === "section") {
        const input = resolution.inputs[file]![sym.section.index];
        if (!input || !input.output) continue; // in a discarded section
        locals.push({
          name: sym.name, value: addressIn(input, sym.value), size: sym.size,
          binding: STB_LOCAL, type: symbolTypeCode(sym), other: sym.visibility ?? 0, shndx: input.output.headerIndex,
        });
      }
    }
  });

  for (const g of resolution.globals.values()) {
    if (layout.scriptSymbols.has(g.name)) continue; // the script's assignment wins
    const def = g.definition;
    // Only weak references are left undefined here (strong ones failed earlier);
    // they resolved to 0 and, as in GNU ld's static links, are not listed.
    if (!def) continue;
    const addr = objectSymbolAddress(objects, resolution, g);
    if (!addr) continue; // defined in a discarded section and not referenced
    addresses.set(g.name, addr.value);
    globals.push({
      name: g.name, value: addr.value, size: g.size, binding: g.weak ? STB_WEAK : STB_GLOBAL,
      type: g.type, other: g.visibility,
      shndx: indexOf(addr.section),
    });
  }
  // The script's symbols; PROVIDE_HIDDEN ones become locals, after an unnamed
  // file symbol that separates them from the objects' locals (as ld does).
  const scriptLocals: OutputSymbol[] = [];
  for (const [name, s] of layout.scriptSymbols) {
    addresses.set(name, s.value);
    const entry = { name, value: s.value, size: 0, binding: s.hidden ? STB_LOCAL : STB_GLOBAL, type: STT_NOTYPE, other: 0, shndx: indexOf(s.section) };
    (s.hidden ? scriptLocals : globals).push(entry);
  }
  if (scriptLocals.length > 0) locals.push({ name: "", value: 0, size: 0, binding: STB_LOCAL, type: STT_FILE, other: 0, shndx: SHN_ABS }, ...scriptLocals);

  const symbols = [{ name: "", value: 0, size: 0, binding: STB_LOCAL, type: STT_NOTYPE, other: 0, shndx: SHN_UNDEF }, ...locals, ...globals];
  return { symbols, firstGlobal: 1 + locals.length, addresses };
}
