// The ELF32 (i386) object model shared by the assembler, the compiler, the linker
// and the ISO writer. Constants follow the System V ABI and its i386 supplement.

export const EM_386 = 3;
export const ET_REL = 1;
export const ET_EXEC = 2;

// Section header types.
export const SHT_NULL = 0;
export const SHT_PROGBITS = 1;
export const SHT_SYMTAB = 2;
export const SHT_STRTAB = 3;
export const SHT_RELA = 4;
export const SHT_NOTE = 7;
export const SHT_NOBITS = 8;
export const SHT_REL = 9;
export const SHT_GROUP = 17;

// Section header flags.
export const SHF_WRITE = 0x1;
export const SHF_ALLOC = 0x2;
export const SHF_EXECINSTR = 0x4;
export const SHF_MERGE = 0x10;
export const SHF_STRINGS = 0x20;

// Special section indices.
export const SHN_UNDEF = 0;
export const SHN_ABS = 0xfff1;
export const SHN_COMMON = 0xfff2;

// Symbol binding and type.
export const STB_LOCAL = 0;
export const STB_GLOBAL = 1;
export const STB_WEAK = 2;
export const STT_NOTYPE = 0;
export const STT_OBJECT = 1;
export const STT_FUNC = 2;
export const STT_SECTION = 3;
export const STT_FILE = 4;

// Symbol visibility (st_other & 3).
export const STV_DEFAULT = 0;
export const STV_INTERNAL = 1;
export const STV_HIDDEN = 2;
export const STV_PROTECTED = 3;

// i386 relocation types.
export const R_386_NONE = 0;
export const R_386_32 = 1;
export const R_386_PC32 = 2;
/** A call through the PLT; in a static link it resolves like R_386_PC32. */
export const R_386_PLT32 = 4;
export const R_386_16 = 20;
export const R_386_PC16 = 21;
export const R_386_8 = 22;
export const R_386_PC8 = 23;

// Program header types and flags.
export const PT_LOAD = 1;
export const PF_X = 1;
export const PF_W = 2;
export const PF_R = 4;

export type SymbolBinding = "local" | "global" | "weak";
export type SymbolType = "notype" | "object" | "func" | "section" | "file";

/** A section of a relocatable object, as the assembler produces and the linker consumes it. */
export interface ObjectSection {
  name: string;
  /** SHT_PROGBITS or SHT_NOBITS (other types are carried but not laid out). */
  type: number;
  /** SHF_* bits. */
  flags: number;
  /** Alignment in bytes (power of two, >= 1). */
  align: number;
  /** Contents; for SHT_NOBITS an empty array and `size` says how big. */
  data: Uint8Array;
  size: number;
  relocations: Relocation[];
  /** Entry size for SHF_MERGE sections; 0 otherwise. */
  entsize?: number;
}

/** Where a symbol is defined. */
export type SymbolSection =
  | { kind: "section"; index: number } // index into ObjectFile.sections
  | { kind: "undefined" }
  | { kind: "absolute" }
  | { kind: "common" }; // value holds the alignment, size the size

export interface ObjectSymbol {
  name: string;
  value: number;
  size: number;
  binding: SymbolBinding;
  type: SymbolType;
  section: SymbolSection;
  /** st_other visibility (STV_*); absent means STV_DEFAULT. */
  visibility?: number;
}

export interface Relocation {
  /** Offset inside the section the relocation applies to. */
  offset: number;
  /** R_386_* type. */
  type: number;
  /** Index into ObjectFile.symbols. */
  symbol: number;
  /** Explicit addend for RELA inputs; REL inputs keep the addend in the section bytes (undefined here). */
  addend?: number;
}

/** A relocatable object: sections, symbols (locals first, as ELF requires on output) and relocations. */
export interface ObjectFile {
  /** Name used in messages: the file path, or "<memory>". */
  name: string;
  sections: ObjectSection[];
  symbols: ObjectSymbol[];
}

export const R_386_NAMES: Record<number, string> = {
  [R_386_NONE]: "R_386_NONE",
  [R_386_32]: "R_386_32",
  [R_386_PC32]: "R_386_PC32",
  [R_386_PLT32]: "R_386_PLT32",
  [R_386_16]: "R_386_16",
  [R_386_PC16]: "R_386_PC16",
  [R_386_8]: "R_386_8",
  [R_386_PC8]: "R_386_PC8",
};
