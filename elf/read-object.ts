// Reads an ELF32 i386 relocatable object (ours, nasm's, GNU as's or gcc's) into the
// shared object model. Malformed input is reported as a DiagnosticError naming the file.

import { fail } from "../common/diagnostics.js";
import {
  EM_386, ET_REL, SHN_ABS, SHN_COMMON, SHN_UNDEF, SHT_NOBITS, SHT_NULL, SHT_REL, SHT_RELA,
  SHT_STRTAB, SHT_SYMTAB, STB_GLOBAL, STB_LOCAL, STB_WEAK, STT_FILE, STT_FUNC, STT_OBJECT,
  STT_SECTION,
  type ObjectFile, type ObjectSection, type ObjectSymbol, type Relocation, type SymbolBinding,
  type SymbolType,
} from "./types.js";

interface RawSection {
  name: string;
  type: number;
  flags: number;
  offset: number;
  size: number;
  link: number;
  info: number;
  align: number;
  entsize: number;
}

export function readObject(bytes: Uint8Array, name: string): ObjectFile {
  const bad = (why: string): never => fail(`${name}: not a valid ELF32 i386 relocatable object: ${why}`, undefined);
  if (bytes.length < 52) bad("file too short");
  if (bytes[0] !== 0x7f || bytes[1] !== 0x45 || bytes[2] !== 0x4c || bytes[3] !== 0x46) bad("bad ELF magic");
  if (bytes[4] !== 1) bad("not ELFCLASS32");
  if (bytes[5] !== 1) bad("not little-endian");
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (o: number) => {
    if (o + 2 > bytes.length) bad(`read past end of file at 0x${o.toString(16)}`);
    return dv.getUint16(o, true);
  };
  const u32 = (o: number) => {
    if (o + 4 > bytes.length) bad(`read past end of file at 0x${o.toString(16)}`);
    return dv.getUint32(o, true);
  };
  if (u16(16) !== ET_REL) bad("not a relocatable object (ET_REL)");
  if (u16(18) !== EM_386) bad(`machine is ${u16(18)}, not EM_386`);
  const shoff = u32(32);
  const shentsize = u16(46);
  const shnum = u16(48);
  const shstrndx = u16(50);
  if (shnum === 0) bad("no section headers");
  if (shentsize < 40) bad("section header size too small");
  if (shoff + shnum * shentsize > bytes.length) bad("section headers past end of file");

  const raw: RawSection[] = [];
  for (let i = 0; i < shnum; i++) {
    const o = shoff + i * shentsize;
    raw.push({
      name: "", type: u32(o + 4), flags: u32(o + 8), offset: u32(o + 16), size: u32(o + 20),
      link: u32(o + 24), info: u32(o + 28), align: u32(o + 32), entsize: u32(o + 36),
      // name resolved below
      ...{ nameOffset: u32(o) },
    } as RawSection & { nameOffset: number });
  }
  const contents = (s: RawSection): Uint8Array => {
    if (s.type === SHT_NOBITS) return new Uint8Array(0);
    if (s.offset + s.size > bytes.length) bad(`section contents past end of file`);
    return bytes.subarray(s.offset, s.offset + s.size);
  };
  const cstr = (table: Uint8Array, off: number): string => {
    if (off >= table.length && !(off === 0 && table.length === 0)) bad(`string offset ${off} outside string table`);
    let end = off;
    while (end < table.length && table[end] !== 0) end++;
    return Buffer.from(table.subarray(off, end)).toString("latin1");
  };
  if (shstrndx >= shnum) bad("section name table index out of range");
  const shstr = contents(raw[shstrndx]!);
  for (const s of raw) s.name = cstr(shstr, (s as RawSection & { nameOffset: number }).nameOffset);

  // Sections that carry program content (everything but the bookkeeping ones).
  // A string table is bookkeeping when it names sections or symbols; others
  // (such as .stabstr) are content.
  const bookkeepingStrtabs = new Set<number>([shstrndx]);
  raw.forEach((s) => {
    if (s.type === SHT_SYMTAB) bookkeepingStrtabs.add(s.link);
  });
  const sections: ObjectSection[] = [];
  const sectionMap = new Map<number, number>(); // ELF index -> ObjectFile.sections index
  raw.forEach((s, i) => {
    if (i === 0 || s.type === SHT_NULL || s.type === SHT_SYMTAB || (s.type === SHT_STRTAB && bookkeepingStrtabs.has(i)) ||
      s.type === SHT_REL || s.type === SHT_RELA) return;
    sectionMap.set(i, sections.length);
    sections.push({
      name: s.name, type: s.type, flags: s.flags, align: Math.max(1, s.align),
      data: s.type === SHT_NOBITS ? new Uint8Array(0) : new Uint8Array(contents(s)),
      size: s.size, relocations: [], entsize: s.entsize,
    });
  });

  // Symbols (the null symbol 0 is dropped; indices shift by one).
  const symbols: ObjectSymbol[] = [];
  const symtabIndex = raw.findIndex((s) => s.type === SHT_SYMTAB);
  if (symtabIndex >= 0) {
    const st = raw[symtabIndex]!;
    const data = contents(st);
    if (st.link >= shnum) bad("symbol table's string table index out of range");
    const strtab = contents(raw[st.link]!);
    const count = Math.floor(data.length / 16);
    for (let i = 1; i < count; i++) {
      const o = st.offset + i * 16;
      const info = bytes[o + 12]!;
      const shndx = u16(o + 14);
      const bind = info >> 4;
      const type = info & 15;
      const binding: SymbolBinding = bind === STB_LOCAL ? "local" : bind === STB_GLOBAL ? "global"
        : bind === STB_WEAK ? "weak" : bad(`symbol ${i} has unsupported binding ${bind}`);
      const symType: SymbolType = type === STT_OBJECT ? "object" : type === STT_FUNC ? "func"
        : type === STT_SECTION ? "section" : type === STT_FILE ? "file" : "notype";
      let section: ObjectSymbol["section"];
      if (shndx === SHN_UNDEF) section = { kind: "undefined" };
      else if (shndx === SHN_ABS) section = { kind: "absolute" };
      else if (shndx === SHN_COMMON) section = { kind: "common" };
      else {
        const mapped = sectionMap.get(shndx);
        if (mapped === undefined) {
          if (shndx >= shnum) bad(`symbol ${i} refers to section ${shndx}, which does not exist`);
          // A symbol in a bookkeeping section (rare): treat as absolute.
          section = { kind: "absolute" };
        } else section = { kind: "section", index: mapped };
      }
      let symName = cstr(strtab, u32(o));
      if (symType === "section" && symName === "" && section.kind === "section") symName = sections[section.index]!.name;
      const visibility = bytes[o + 13]! & 3;
      symbols.push({ name: symName, value: u32(o + 4), size: u32(o + 8), binding, type: symType, section, ...(visibility ? { visibility } : {}) });
    }
  }

  // Relocations.
  raw.forEach((s) => {
    if (s.type !== SHT_REL && s.type !== SHT_RELA) return;
    const target = sectionMap.get(s.info);
    if (target === undefined) return; // relocations for a dropped section (none in practice)
    const entsize = s.type === SHT_REL ? 8 : 12;
    const data = contents(s);
    const list: Relocation[] = sections[target]!.relocations;
    for (let o = 0; o + entsize <= data.length; o += entsize) {
      const at = s.offset + o;
      const info = u32(at + 4);
      const symIndex = info >>> 8;
      if (symIndex === 0) bad(`relocation in ${s.name} without a symbol`);
      if (symIndex - 1 >= symbols.length) bad(`relocation in ${s.name} refers to symbol ${symIndex}, which does not exist`);
      const r: Relocation = { offset: u32(at), type: info & 0xff, symbol: symIndex - 1 };
      if (s.type === SHT_RELA) r.addend = dv.getInt32(at + 8, true);
      list.push(r);
    }
  });

  return { name, sections, symbols };
}
