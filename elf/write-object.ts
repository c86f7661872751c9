// ObjectFile -> ELF32 i386 relocatable bytes (ET_REL), the inverse of read-object.ts.
//
// File layout (the one nasm uses): ELF header, section headers, then the
// contents of each section aligned to 16, then .shstrtab, .symtab, .strtab and one
// .rel.<name> (or .rela.<name> when the relocations carry explicit addends) per
// section that has relocations. Section symbols have an empty name, as nasm and
// GNU as write them. Symbols must be ordered locals first (ObjectFile promises it).

import {
  EM_386, ET_REL, SHN_ABS, SHN_COMMON, SHN_UNDEF, SHT_NOBITS, SHT_REL, SHT_RELA, SHT_STRTAB, SHT_SYMTAB,
  STB_GLOBAL, STB_LOCAL, STB_WEAK, STT_FILE, STT_FUNC, STT_NOTYPE, STT_OBJECT, STT_SECTION,
  type ObjectFile, type ObjectSymbol,
} from "./types.js";

interface Header {
  name: number;
  type: number;
  flags: number;
  offset: number;
  size: number;
  link: number;
  info: number;
  align: number;
  entsize: number;
}

class StringTable {
  private readonly parts: string[] = [""];
  private length = 1;
  private readonly seen = new Map<string, number>();
  add(s: string): number {
    if (s === "") return 0;
    const known = this.seen.get(s);
    if (known !== undefined) return known;
    const off = this.length;
    this.parts.push(s);
    this.length += s.length + 1; // latin1: one byte per character
    this.seen.set(s, off);
    return off;
  }
  bytes(): Uint8Array {
    return Buffer.from(this.parts.join("\0") + "\0", "latin1");
  }
}

const BINDING = { local: STB_LOCAL, global: STB_GLOBAL, weak: STB_WEAK };
const TYPE = { notype: STT_NOTYPE, object: STT_OBJECT, func: STT_FUNC, section: STT_SECTION, file: STT_FILE };

export function writeObject(obj: ObjectFile): Uint8Array {
  const firstGlobal = obj.symbols.findIndex((s) => s.binding !== "local");
  if (firstGlobal >= 0 && obj.symbols.slice(firstGlobal).some((s) => s.binding === "local")) {
    throw new Error(`writeObject(${obj.name}): local symbols must come before global ones`);
  }
  const n = obj.sections.length;
  const shstrtabIndex = n + 1;
  const symtabIndex = n + 2;
  const strtabIndex = n + 3;
  const relocated = obj.sections.map((s, i) => ({ s, i })).filter(({ s }) => s.relocations.length > 0);
  const shnum = n + 4 + relocated.length;

  const shstr = new StringTable();
  const str = new StringTable();
  const headers: Header[] = [{ name: 0, type: 0, flags: 0, offset: 0, size: 0, link: 0, info: 0, align: 0, entsize: 0 }];
  const blobs: { offset: number; data: Uint8Array }[] = [];
  let offset = 52 + shnum * 40;
  const place = (data: Uint8Array, align: number): number => {
    offset = Math.ceil(offset / align) * align;
    const at = offset;
    blobs.push({ offset: at, data });
    offset += data.length;
    return at;
  };

  for (const s of obj.sections) {
    const nobits = s.type === SHT_NOBITS;
    const at = nobits ? Math.ceil(offset / 16) * 16 : place(s.data, 16);
    headers.push({
      name: shstr.add(s.name), type: s.type, flags: s.flags, offset: at, size: nobits ? s.size : s.data.length,
      link: 0, info: 0, align: s.align, entsize: s.entsize ?? 0,
    });
  }

  // Symbol table: null symbol first.
  const sym = new Uint8Array((obj.symbols.length + 1) * 16);
  const sv = new DataView(sym.buffer);
  obj.symbols.forEach((s: ObjectSymbol, i) => {
    const o = (i + 1) * 16;
    sv.setUint32(o, s.type === "section" ? 0 : str.add(s.name), true);
    sv.setUint32(o + 4, s.value >>> 0, true);
    sv.setUint32(o + 8, s.size >>> 0, true);
    sym[o + 12] = (BINDING[s.binding] << 4) | TYPE[s.type];
    sym[o + 13] = 0;
    const shndx = s.section.kind === "section" ? s.section.index + 1 : s.section.kind === "absolute" ? SHN_ABS
      : s.section.kind === "common" ? SHN_COMMON : SHN_UNDEF;
    sv.setUint16(o + 14, shndx, true);
  });

  const relNames = relocated.map(({ s }) => (s.relocations.some((r) => r.addend !== undefined) ? ".rela" : ".rel") + s.name);
  const shstrtabName = shstr.add(".shstrtab");
  const symtabName = shstr.add(".symtab");
  const strtabName = shstr.add(".strtab");
  const relNameOffsets = relNames.map((r) => shstr.add(r));

  const shstrBytes = shstr.bytes();
  headers.push({ name: shstrtabName, type: SHT_STRTAB, flags: 0, offset: place(shstrBytes, 16), size: shstrBytes.length, link: 0, info: 0, align: 1, entsize: 0 });
  const symAt = place(sym, 16);
  const strBytes = str.bytes();
  headers.push({ name: symtabName, type: SHT_SYMTAB, flags: 0, offset: symAt, size: sym.length, link: strtabIndex, info: (firstGlobal < 0 ? obj.symbols.length : firstGlobal) + 1, align: 4, entsize: 16 });
  headers.push({ name: strtabName, type: SHT_STRTAB, flags: 0, offset: place(strBytes, 16), size: strBytes.length, link: 0, info: 0, align: 1, entsize: 0 });

  relocated.forEach(({ s, i }, k) => {
    const rela = relNames[k]!.startsWith(".rela");
    const entsize = rela ? 12 : 8;
    const data = new Uint8Array(s.relocations.length * entsize);
    const dv = new DataView(data.buffer);
    s.relocations.forEach((r, j) => {
      dv.setUint32(j * entsize, r.offset >>> 0, true);
      dv.setUint32(j * entsize + 4, ((r.symbol + 1) << 8) | (r.type & 0xff), true);
      if (rela) dv.setInt32(j * entsize + 8, r.addend ?? 0, true);
    });
    headers.push({ name: relNameOffsets[k]!, type: rela ? SHT_RELA : SHT_REL, flags: 0, offset: place(data, 16), size: data.length, link: symtabIndex, info: i + 1, align: 4, entsize });
  });

  const out = new Uint8Array(offset);
  const dv = new DataView(out.buffer);
  out.set([0x7f, 0x45, 0x4c, 0x46, 1, 1, 1, 0]);
  dv.setUint16(16, ET_REL, true);
  dv.setUint16(18, EM_386, true);
  dv.setUint32(20, 1, true); // EV_CURRENT
  dv.setUint32(32, 52, true); // e_shoff: headers right after the ELF header
  dv.setUint16(40, 52, true); // e_ehsize
  dv.setUint16(46, 40, true); // e_shentsize
  dv.setUint16(48, shnum, true);
  dv.setUint16(50, shstrtabIndex, true);
  headers.forEach((h, i) => {
    const o = 52 + i * 40;
    dv.setUint32(o, h.name, true);
    dv.setUint32(o + 4, h.type, true);
    dv.setUint32(o + 8, h.flags, true);
    dv.setUint32(o + 12, 0, true);
    dv.setUint32(o + 16, h.offset, true);
    dv.setUint32(o + 20, h.size, true);
    dv.setUint32(o + 24, h.link, true);
    dv.setUint32(o + 28, h.info, true);
    dv.setUint32(o + 32, h.align, true);
    dv.setUint32(o + 36, h.entsize, true);
  });
  for (const b of blobs) out.set(b.data, b.offset);
  return out;
}
