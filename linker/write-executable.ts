// Serialises a laid-out, relocated link as an ELF32 i386 ET_EXEC file:
//   ELF header | program headers | loaded sections (at their segment offsets)
//   | non-allocated sections | .symtab .strtab .shstrtab | section header table

import {
  EM_386, ET_EXEC, PF_R, PT_LOAD, SHT_NOBITS, SHT_STRTAB, SHT_SYMTAB,
} from "../elf/types.js";
import { headerFlags } from "./layout.js";
import { alignUp } from "./resolve.js";
import { ELF_HEADER_SIZE, PROGRAM_HEADER_SIZE } from "./segments.js";
import type { SymbolTable } from "./symbol-table.js";
import type { LoadSegment, OutputSection } from "./types.js";

const PT_NOTE = 4;
const PT_GNU_STACK = 0x6474e551;
const SECTION_HEADER_SIZE = 40;

/** A string table under construction (offset 0 is the empty string). */
class StringTable {
  private readonly parts: Buffer[] = [Buffer.from([0])];
  private size = 1;
  private readonly seen = new Map<string, number>();
  add(s: string): number {
    if (s === "") return 0;
    const known = this.seen.get(s);
    if (known !== undefined) return known;
    const at = this.size;
    const b = Buffer.from(s + "\0", "latin1");
    this.parts.push(b);
    this.size += b.length;
    this.seen.set(s, at);
    return at;
  }
  bytes(): Uint8Array {
    return Buffer.concat(this.parts);
  }
}

export interface ExecutableImage {
  entry: number;
  /** Output sections in header order; their headerIndex is 1.. in this order. */
  sections: OutputSection[];
  segments: LoadSegment[];
  /** Runs of note sections, one PT_NOTE each. */
  notes: OutputSection[][];
  /** Flags of the PT_GNU_STACK header to emit (PF_R|PF_W, or with PF_X), if any. */
  stackFlags: number | undefined;
  symbols: SymbolTable;
  /** File offset where the non-loaded trailer (.symtab etc.) may start. */
  endOfSections: number;
}

/** Program headers: PT_LOADs, then PT_NOTEs, then PT_GNU_STACK (ld's order). */
export function programHeaderCount(segments: number, notes: number, stackFlags: number | undefined): number {
  return segments + notes + (stackFlags !== undefined ? 1 : 0);
}

export function writeExecutable(image: ExecutableImage): Uint8Array {
  const { sections, segments, symbols } = image;
  const phnum = programHeaderCount(segments.length, image.notes.length, image.stackFlags);

  // .symtab and .strtab
  const strtab = new StringTable();
  const symtab = new Uint8Array(symbols.symbols.length * 16);
  const sv = new DataView(symtab.buffer);
  symbols.symbols.forEach((s, i) => {
    const o = i * 16;
    sv.setUint32(o, strtab.add(s.name), true);
    sv.setUint32(o + 4, s.value >>> 0, true);
    sv.setUint32(o + 8, s.size >>> 0, true);
    sv.setUint8(o + 12, (s.binding << 4) | s.type);
    sv.setUint8(o + 13, s.other);
    sv.setUint16(o + 14, s.shndx, true);
  });
  const strtabBytes = strtab.bytes();

  const shstrtab = new StringTable();
  const names = sections.map((s) => shstrtab.add(s.name));
  const symtabName = shstrtab.add(".symtab");
  const strtabName = shstrtab.add(".strtab");
  const shstrtabName = shstrtab.add(".shstrtab");
  const shstrtabBytes = shstrtab.bytes();

  let off = alignUp(image.endOfSections, 4);
  const symtabOffset = off;
  off += symtab.length;
  const strtabOffset = off;
  off += strtabBytes.length;
  const shstrtabOffset = off;
  off += shstrtabBytes.length;
  const shoff = alignUp(off, 4);
  const shnum = sections.length + 4;
  const total = shoff + shnum * SECTION_HEADER_SIZE;

  const out = new Uint8Array(total);
  const v = new DataView(out.buffer);
  // ELF header.
  out.set([0x7f, 0x45, 0x4c, 0x46, 1, 1, 1, 0]);
  v.setUint16(16, ET_EXEC, true);
  v.setUint16(18, EM_386, true);
  v.setUint32(20, 1, true);
  v.setUint32(24, image.entry >>> 0, true);
  v.setUint32(28, phnum > 0 ? ELF_HEADER_SIZE : 0, true);
  v.setUint32(32, shoff, true);
  v.setUint32(36, 0, true);
  v.setUint16(40, ELF_HEADER_SIZE, true);
  v.setUint16(42, PROGRAM_HEADER_SIZE, true);
  v.setUint16(44, phnum, true);
  v.setUint16(46, SECTION_HEADER_SIZE, true);
  v.setUint16(48, shnum, true);
  v.setUint16(50, shnum - 1, true);

  // Program headers.
  segments.forEach((seg, i) => {
    const o = ELF_HEADER_SIZE + i * PROGRAM_HEADER_SIZE;
    v.setUint32(o, PT_LOAD, true);
    v.setUint32(o + 4, seg.fileOffset, true);
    v.setUint32(o + 8, seg.address, true);
    v.setUint32(o + 12, seg.loadAddress, true);
    v.setUint32(o + 16, seg.fileSize, true);
    v.setUint32(o + 20, seg.memorySize, true);
    v.setUint32(o + 24, seg.flags, true);
    v.setUint32(o + 28, 0x1000, true);
  });
  image.notes.forEach((run, i) => {
    const o = ELF_HEADER_SIZE + (segments.length + i) * PROGRAM_HEADER_SIZE;
    const first = run[0]!;
    const last = run[run.length - 1]!;
    const size = last.address + last.size - first.address;
    [PT_NOTE, first.fileOffset, first.address, first.loadAddress, size, size, PF_R, first.align]
      .forEach((x, k) => v.setUint32(o + k * 4, x >>> 0, true));
  });
  if (image.stackFlags !== undefined) {
    const o = ELF_HEADER_SIZE + (segments.length + image.notes.length) * PROGRAM_HEADER_SIZE;
    v.setUint32(o, PT_GNU_STACK, true);
    v.setUint32(o + 24, image.stackFlags, true);
    v.setUint32(o + 28, 16, true);
  }

  // Section contents.
  for (const s of sections) {
    if (s.type !== SHT_NOBITS && s.size > 0) out.set(s.data, s.fileOffset);
  }
  out.set(symtab, symtabOffset);
  out.set(strtabBytes, strtabOffset);
  out.set(shstrtabBytes, shstrtabOffset);

  // Section headers: null, the output sections, .symtab, .strtab, .shstrtab.
  const header = (i: number, f: number[]) => f.forEach((x, k) => v.setUint32(shoff + i * SECTION_HEADER_SIZE + k * 4, x >>> 0, true));
  sections.forEach((s, i) => header(i + 1, [names[i]!, s.type, headerFlags(s), s.address, s.fileOffset, s.size, 0, 0, s.align, s.entsize]));
  const symIndex = sections.length + 1;
  header(symIndex, [symtabName, SHT_SYMTAB, 0, 0, symtabOffset, symtab.length, symIndex + 1, symbols.firstGlobal, 4, 16]);
  header(symIndex + 1, [strtabName, SHT_STRTAB, 0, 0, strtabOffset, strtabBytes.length, 0, 0, 1, 0]);
  header(symIndex + 2, [shstrtabName, SHT_STRTAB, 0, 0, shstrtabOffset, shstrtabBytes.length, 0, 0, 1, 0]);
  return out;
}
