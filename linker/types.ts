// The linker's own data model, shared by its stages:
// resolve symbols → lay out sections → apply relocations → build segments → write ELF.

import type { SourceLocation } from "../common/diagnostics.js";
import type { ObjectFile, ObjectSection } from "../elf/types.js";
import type { EhFrameEdit } from "./eh-frame.js";
import type { MergeMap } from "./merge-sections.js";

export type Target = "kernel" | "linux";

export interface LinkOptions {
  /** The linker script (`-T`); without it the target's built-in layout is used. */
  script?: { text: string; fileName: string };
  target: Target;
  /** Entry symbol; overrides the script's ENTRY(). */
  entry?: string;
}

/** One section of one input object, as the layout places it. */
export interface InputSection {
  /** Index of the object in the link's input list. */
  file: number;
  /** Index in ObjectFile.sections, or -1 for the per-object COMMON section. */
  index: number;
  name: string;
  type: number;
  flags: number;
  align: number;
  size: number;
  /** Contents (empty for SHT_NOBITS). */
  data: Uint8Array;
  /** The object section it came from (undefined for COMMON). */
  source?: ObjectSection;
  /** Where it ended up; undefined until laid out, null when discarded by /DISCARD/. */
  output?: OutputSection | null;
  /** Offset inside the output section. */
  offset: number;
  /** For a merged SHF_MERGE section: where its original entries went. */
  merged?: MergeMap;
  /** For an edited .eh_frame: where its original records went. */
  ehFrame?: EhFrameEdit;
}

export interface OutputSection {
  name: string;
  /** SHT_PROGBITS, or SHT_NOBITS when every input is NOBITS. */
  type: number;
  flags: number;
  align: number;
  address: number;
  /** Load (physical) address: `address` unless the script says AT(...). */
  loadAddress: number;
  size: number;
  inputs: InputSection[];
  /** Assigned when the output file is written; 0 until then. */
  fileOffset: number;
  /** Bytes of the script's data statements (LONG(...) etc.), at offsets in the section. */
  scriptData: { offset: number; bytes: Uint8Array }[];
  /** Fill patterns (`=fill`, FILL()) for the gaps from a section offset on. */
  fills: { from: number; pattern: Uint8Array }[];
  /**
   * NOBITS only because nothing is stored in it ((NOLOAD), or only `.` moves):
   * GNU ld still treats it as loaded when grouping segments.
   */
  loadedNobits: boolean;
  /** Declared (NOLOAD) in the script. */
  noload: boolean;
  /** Position in GNU ld's list of output sections, which is the section header order. */
  listIndex: number;
  /** Flags and type ld gives this statement by its name when it places orphans (see place-sections.ts). */
  kindFlags?: { flags: number };
  /** Entry size, kept when every input has the same (as ld does). */
  entsize: number;
  /** Index in the output section header table. */
  headerIndex: number;
  /** Contents with relocations applied (size bytes for PROGBITS, empty for NOBITS). */
  data: Uint8Array;
}

/** What a global symbol resolved to. */
export type Definition =
  | { kind: "object"; file: number; symbol: number }
  | { kind: "common"; file: number; symbol: number; size: number; align: number }
  | { kind: "script"; value: number; section: OutputSection | null; at: SourceLocation; hidden: boolean }
  | { kind: "undefined-weak" };

export interface GlobalSymbol {
  name: string;
  definition: Definition | undefined;
  /** Binding and type of the winning definition (for the output symbol table). */
  weak: boolean;
  /** The most constraining visibility (STV_*) any object gave the name, as ELF requires. */
  visibility: number;
  type: number;
  size: number;
  /** Set once COMMON symbols are allocated: the per-object COMMON section and the offset in it. */
  common?: { section: InputSection; offset: number };
}

export interface LoadSegment {
  address: number;
  /** p_paddr: where the loader puts it (differs from `address` with AT()). */
  loadAddress: number;
  fileOffset: number;
  fileSize: number;
  memorySize: number;
  /** PF_R | PF_W | PF_X. */
  flags: number;
  sections: OutputSection[];
  /** True when the ELF and program headers are part of this segment (the script used SIZEOF_HEADERS). */
  includesHeaders: boolean;
}

/** The output of a link, for `ts386 build` and the tests. */
export interface LinkResult {
  bytes: Uint8Array;
  entry: number;
  /** Address of every global symbol (and script-defined symbol). */
  symbols: Map<string, number>;
  sections: { name: string; address: number; loadAddress: number; size: number; flags: number; type: number }[];
  segments: { address: number; loadAddress: number; fileOffset: number; fileSize: number; memorySize: number; flags: number }[];
}

/** The ELF page size for i386 (GNU ld's max-page-size for elf_i386). */
export const PAGE_SIZE = 0x1000;
