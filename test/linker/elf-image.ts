// A small, independent reader of ELF32 executables for the linker tests: section
// headers, program headers, symbols, and the memory image the PT_LOAD segments
// produce (what a loader puts in memory), so ts386's output and GNU ld's can be
// compared on what matters rather than on file offsets.

export interface ExecSection {
  name: string;
  type: number;
  flags: number;
  address: number;
  offset: number;
  size: number;
  data: Uint8Array;
}

export interface ExecSegment {
  type: number;
  offset: number;
  vaddr: number;
  paddr: number;
  filesz: number;
  memsz: number;
  flags: number;
  align: number;
}

export interface ExecSymbol {
  name: string;
  value: number;
  size: number;
  bind: number;
  type: number;
  /** st_other & 3. */
  visibility: number;
  /** Section name, "ABS" or "UND". */
  section: string;
}

export interface Executable {
  type: number;
  machine: number;
  entry: number;
  sections: ExecSection[];
  segments: ExecSegment[];
  symbols: ExecSymbol[];
}

export function readExecutable(bytes: Uint8Array): Executable {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (o: number) => v.getUint16(o, true);
  const u32 = (o: number) => v.getUint32(o, true);
  if (u32(0) !== 0x464c457f) throw new Error("not an ELF file");
  const phoff = u32(28), shoff = u32(32), phnum = u16(44), shnum = u16(48), shstrndx = u16(50);
  const raw = Array.from({ length: shnum }, (_, i) => {
    const o = shoff + i * 40;
    return { nameOff: u32(o), type: u32(o + 4), flags: u32(o + 8), address: u32(o + 12), offset: u32(o + 16), size: u32(o + 20), link: u32(o + 24) };
  });
  const cstr = (off: number) => {
    let end = off;
    while (bytes[end] !== 0) end++;
    return Buffer.from(bytes.subarray(off, end)).toString("latin1");
  };
  const shstr = raw[shstrndx]!;
  const sections: ExecSection[] = raw.map((s) => ({
    name: cstr(shstr.offset + s.nameOff), type: s.type, flags: s.flags, address: s.address, offset: s.offset, size: s.size,
    data: s.type === 8 ? new Uint8Array(0) : bytes.subarray(s.offset, s.offset + s.size),
  }));
  const segments: ExecSegment[] = Array.from({ length: phnum }, (_, i) => {
    const o = phoff + i * 32;
    return { type: u32(o), offset: u32(o + 4), vaddr: u32(o + 8), paddr: u32(o + 12), filesz: u32(o + 16), memsz: u32(o + 20), flags: u32(o + 24), align: u32(o + 28) };
  });
  const symbols: ExecSymbol[] = [];
  const symtab = raw.findIndex((s) => s.type === 2);
  if (symtab >= 0) {
    const st = raw[symtab]!;
    const strtab = raw[st.link]!;
    for (let o = st.offset + 16; o < st.offset + st.size; o += 16) {
      const shndx = u16(o + 14);
      symbols.push({
        name: cstr(strtab.offset + u32(o)), value: u32(o + 4), size: u32(o + 8), bind: bytes[o + 12]! >> 4, type: bytes[o + 12]! & 15,
        visibility: bytes[o + 13]! & 3,
        section: shndx === 0 ? "UND" : shndx === 0xfff1 ? "ABS" : sections[shndx]?.name ?? `#${shndx}`,
      });
    }
  }
  return { type: u16(16), machine: u16(18), entry: u32(24), sections, segments, symbols };
}

/** The loaded memory: every address the PT_LOAD segments cover, with its byte (0 past p_filesz). */
export function memoryImage(exe: Executable, bytes: Uint8Array): Map<number, number> {
  const image = new Map<number, number>();
  for (const p of exe.segments) {
    if (p.type !== 1) continue;
    for (let i = 0; i < p.memsz; i++) image.set(p.vaddr + i, i < p.filesz ? bytes[p.offset + i]! : 0);
  }
  return image;
}

/** Describes the first differences between two memory images, for a readable failure. */
export function diffImages(ours: Map<number, number>, theirs: Map<number, number>, limit = 8): string[] {
  const out: string[] = [];
  const addresses = [...new Set([...ours.keys(), ...theirs.keys()])].sort((a, b) => a - b);
  for (const a of addresses) {
    const x = ours.get(a);
    const y = theirs.get(a);
    if (x === y) continue;
    out.push(`0x${a.toString(16)}: ts386 ${x === undefined ? "unmapped" : "0x" + x.toString(16)}, GNU ld ${y === undefined ? "unmapped" : "0x" + y.toString(16)}`);
    if (out.length >= limit) break;
  }
  return out;
}
