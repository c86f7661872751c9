// Symbol resolution: one table of global and weak symbols over all input objects.
// Strong beats weak, weak beats nothing, the first weak wins among weaks, two
// strong definitions are an error naming both places. COMMON symbols merge to the
// largest size and alignment and, unless a real definition exists, are allocated
// in a per-object COMMON input section (what `*(COMMON)` matches), in the order
// GNU ld allocates them so that addresses agree with it.

import { DiagnosticBag } from "../common/diagnostics.js";
import {
  SHF_ALLOC, SHF_WRITE, SHT_GROUP, SHT_NOBITS, STT_FUNC, STT_NOTYPE, STT_OBJECT, STV_DEFAULT, STV_HIDDEN,
  STV_INTERNAL, STV_PROTECTED,
  type ObjectFile, type ObjectSymbol,
} from "../elf/types.js";
import type { GlobalSymbol, InputSection } from "./types.js";

export interface Resolution {
  /** inputs[file][sectionIndex]; null for sections that take no part in the link. */
  inputs: (InputSection | null)[][];
  /** Per object, the COMMON input section holding the commons allocated to it (if any). */
  commons: (InputSection | null)[];
  globals: Map<string, GlobalSymbol>;
}

/** Sections that are bookkeeping rather than program content. */
function takesPart(name: string, type: number): boolean {
  if (type === SHT_GROUP) return false;
  // GNU ld reads .note.GNU-stack for the stack's permissions and never outputs it.
  if (name === ".note.GNU-stack") return false;
  return true;
}

export function symbolTypeCode(s: ObjectSymbol): number {
  return s.type === "func" ? STT_FUNC : s.type === "object" ? STT_OBJECT : STT_NOTYPE;
}

/** "isr.o(.text+0x1a)": a place in an object, for messages. */
export function placeOf(obj: ObjectFile, sym: ObjectSymbol): string {
  if (sym.section.kind === "section") {
    const sec = obj.sections[sym.section.index]!;
    return `${obj.name}(${sec.name}+0x${sym.value.toString(16)})`;
  }
  if (sym.section.kind === "common") return `${obj.name}(COMMON)`;
  return `${obj.name}(*ABS*)`;
}

export function resolveSymbols(objects: ObjectFile[]): Resolution {
  const bag = new DiagnosticBag();
  const inputs = objects.map((obj, file) => obj.sections.map((s, index): InputSection | null => {
    if (!takesPart(s.name, s.type)) return null;
    if ((s.align & (s.align - 1)) !== 0) bag.error(`${obj.name}: section ${s.name} has alignment ${s.align}, not a power of two`, undefined, { origin: "linker" });
    return { file, index, name: s.name, type: s.type, flags: s.flags, align: s.align, size: s.size, data: s.data, source: s, offset: 0 };
  }));

  const globals = new Map<string, GlobalSymbol>();
  objects.forEach((obj, file) => {
    obj.symbols.forEach((sym, symbol) => {
      if (sym.binding === "local") return;
      let g = globals.get(sym.name);
      if (!g) {
        g = { name: sym.name, definition: undefined, weak: false, type: STT_NOTYPE, size: 0, visibility: STV_DEFAULT };
        globals.set(sym.name, g);
      }
      g.visibility = moreConstraining(g.visibility, sym.visibility ?? STV_DEFAULT);
      const kind = sym.section.kind;
      if (kind === "undefined") return;
      const weak = sym.binding === "weak";
      const current = g.definition;
      if (kind === "common") {
        const align = Math.max(1, sym.value);
        if (current === undefined || (current.kind === "object" && g.weak)) {
          g.definition = { kind: "common", file, symbol, size: sym.size, align };
        } else if (current.kind === "common") {
          // The larger common wins the place; the alignment is the largest asked for.
          if (sym.size > current.size) g.definition = { kind: "common", file, symbol, size: sym.size, align: Math.max(align, current.align) };
          else current.align = Math.max(align, current.align);
        }
        if (g.definition?.kind === "common") {
          g.weak = false;
          g.type = symbolTypeCode(objects[g.definition.file]!.symbols[g.definition.symbol]!);
          g.size = g.definition.size;
        }
        return;
      }
      const replace = current === undefined
        || current.kind === "common" && !weak
        || current.kind === "object" && g.weak && !weak;
      if (replace) {
        g.definition = { kind: "object", file, symbol };
        g.weak = weak;
        g.type = symbolTypeCode(sym);
        g.size = sym.size;
      } else if (current.kind === "object" && !g.weak && !weak) {
        const first = objects[current.file]!;
        bag.error(`duplicate symbol '${sym.name}': defined in ${placeOf(obj, sym)} and first in ${placeOf(first, first.symbols[current.symbol]!)}`,
          undefined, { origin: "linker" });
      }
    });
  });
  bag.throwIfErrors();

  const commons = allocateCommons(objects, globals);
  return { inputs, commons, globals };
}

/**
 * Lays COMMON symbols out in per-object COMMON sections. GNU ld walks its symbol
 * hash table (bfd's string hash, 4051 buckets, newest first within a bucket) and
 * appends each common to the COMMON section of the object that defined it;
 * we walk in that same order.
 */
function allocateCommons(objects: ObjectFile[], globals: Map<string, GlobalSymbol>): (InputSection | null)[] {
  // Every object that declares a COMMON symbol has a COMMON section, even if a
  // larger declaration elsewhere wins (ld creates it when it reads the symbol).
  const commons: (InputSection | null)[] = objects.map((obj, file) => obj.symbols.some((s) => s.section.kind === "common")
    ? { file, index: -1, name: "COMMON", type: SHT_NOBITS, flags: SHF_ALLOC | SHF_WRITE, align: 1, size: 0, data: new Uint8Array(0), offset: 0 }
    : null);
  const list = [...globals.values()].filter((g) => g.definition?.kind === "common");
  const insertion = new Map([...globals.keys()].map((name, i) => [name, i]));
  const bucket = (name: string) => Number(bfdHash(name) % 4051n);
  list.sort((a, b) => bucket(a.name) - bucket(b.name) || insertion.get(b.name)! - insertion.get(a.name)!);
  for (const g of list) {
    const def = g.definition as { kind: "common"; file: number; size: number; align: number };
    const sec = commons[def.file]!;
    const offset = alignUp(sec.size, def.align);
    g.common = { section: sec, offset };
    sec.size = offset + def.size;
    sec.align = Math.max(sec.align, def.align);
  }
  return commons;
}

/** bfd's hash_string() (bfd/hash.c), computed in the host's 64-bit unsigned long. */
function bfdHash(name: string): bigint {
  const mask = (1n << 64n) - 1n;
  let hash = 0n;
  const bytes = Buffer.from(name, "latin1");
  for (const c of bytes) {
    hash = (hash + BigInt(c) + (BigInt(c) << 17n)) & mask;
    hash ^= hash >> 2n;
  }
  const len = BigInt(bytes.length);
  hash = (hash + len + (len << 17n)) & mask;
  hash ^= hash >> 2n;
  return hash;
}

/** ELF's order of visibilities, least to most constraining: default, protected, hidden, internal. */
const VISIBILITY_RANK = [STV_DEFAULT, STV_PROTECTED, STV_HIDDEN, STV_INTERNAL];

function moreConstraining(a: number, b: number): number {
  return VISIBILITY_RANK.indexOf(a) >= VISIBILITY_RANK.indexOf(b) ? a : b;
}

export function alignUp(value: number, align: number): number {
  if (align <= 1) return value;
  return Math.ceil(value / align) * align;
}
