// The parts of an ELF32 executable the debugging tools need: sections by name (with
// their load address and bytes) and the symbol table.

export interface ExecutableSection {
  name: string;
  address: number;
  data: Uint8Array;
  flags: number;
}

export interface ExecutableSymbol {
  name: string;
  value: number;
  size: number;
  /** STT_* */
  type: number;
}

export interface Executable {
  sections: Map<string, ExecutableSection>;
  symbols: ExecutableSymbol[];
}

export function readExecutable(bytes: Uint8Array, name: string): Executable {
  const bad = (why: string): never => {
    throw new Error(`${name}: not an ELF32 i386 file: ${why}`);
  };
  if (bytes.length < 52 || bytes[0] !== 0x7f || bytes[1] !== 0x45 || bytes[2] !== 0x4c || bytes[3] !== 0x46) bad("bad ELF magic");
  if (bytes[4] !== 1 || bytes[5] !== 1) bad("not ELFCLASS32 little-endian");
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shoff = dv.getUint32(32, true);
  const shentsize = dv.getUint16(46, true);
  const shnum = dv.getUint16(48, true);
  const shstrndx = dv.getUint16(50, true);
  if (shoff + shnum * shentsize > bytes.length) bad("section headers past the end of the file");
  const headers = Array.from({ length: shnum }, (_, i) => {
    const o = shoff + i * shentsize;
    const u32 = (k: number) => dv.getUint32(o + 4 * k, true);
    return { name: u32(0), type: u32(1), flags: u32(2), addr: u32(3), offset: u32(4), size: u32(5), link: u32(6), entsize: u32(9) };
  });
  const contents = (h: (typeof headers)[number]): Uint8Array => (h.type === 8 /* NOBITS */ ? new Uint8Array(0) : bytes.subarray(h.offset, h.offset + h.size));
  const strings = (table: Uint8Array, at: number): string => new TextDecoder().decode(table.subarray(at, table.indexOf(0, at)));
  const shstr = headers[shstrndx] ? contents(headers[shstrndx]!) : new Uint8Array(0);
  const sections = new Map<string, ExecutableSection>();
  for (const h of headers) {
    if (h.type === 0) continue;
    const n = strings(shstr, h.name);
    if (!sections.has(n)) sections.set(n, { name: n, address: h.addr, data: contents(h), flags: h.flags });
  }
  const symbols: ExecutableSymbol[] = [];
  const symtab = headers.find((h) => h.type === 2 /* SHT_SYMTAB */);
  if (symtab) {
    const data = contents(symtab);
    const strtab = contents(headers[symtab.link]!);
    const sv = new DataView(data.buffer, data.byteOffset, data.byteLength);
    for (let o = 16; o + 16 <= data.length; o += 16) {
      symbols.push({ name: strings(strtab, sv.getUint32(o, true)), value: sv.getUint32(o + 4, true), size: sv.getUint32(o + 8, true), type: data[o + 12]! & 0xf });
    }
  }
  return { sections, symbols };
}
