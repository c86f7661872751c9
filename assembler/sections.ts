// Section defaults by name, as nasm's ELF output gives them when a `section`
// directive names a section without attributes.

import { SHF_ALLOC, SHF_EXECINSTR, SHF_WRITE, SHT_NOBITS, SHT_PROGBITS } from "../elf/types.js";

const SHF_TLS = 0x400;
const SHT_INIT_ARRAY = 14;
const SHT_FINI_ARRAY = 15;
const SHT_PREINIT_ARRAY = 16;

/** Default type, flags, alignment (and entry size) of a section, by name: nasm's elf32 table. */
export function sectionDefaults(name: string): { type: number; flags: number; align: number; entsize?: number } {
  switch (name) {
    case ".text":
      return { type: SHT_PROGBITS, flags: SHF_ALLOC | SHF_EXECINSTR, align: 16 };
    case ".data":
      return { type: SHT_PROGBITS, flags: SHF_ALLOC | SHF_WRITE, align: 4 };
    case ".rodata":
      return { type: SHT_PROGBITS, flags: SHF_ALLOC, align: 4 };
    case ".bss":
      return { type: SHT_NOBITS, flags: SHF_ALLOC | SHF_WRITE, align: 4 };
    case ".comment":
      return { type: SHT_PROGBITS, flags: 0, align: 1 };
    case ".tdata":
      return { type: SHT_PROGBITS, flags: SHF_ALLOC | SHF_WRITE | SHF_TLS, align: 4 };
    case ".tbss":
      return { type: SHT_NOBITS, flags: SHF_ALLOC | SHF_WRITE | SHF_TLS, align: 4 };
    case ".init_array":
      return { type: SHT_INIT_ARRAY, flags: SHF_ALLOC, align: 4, entsize: 4 };
    case ".fini_array":
      return { type: SHT_FINI_ARRAY, flags: SHF_ALLOC, align: 4, entsize: 4 };
    case ".preinit_array":
      return { type: SHT_PREINIT_ARRAY, flags: SHF_ALLOC, align: 4, entsize: 4 };
    default:
      return { type: SHT_PROGBITS, flags: SHF_ALLOC, align: 1 };
  }
}


/** A section's type, flags, alignment and entry size: the defaults for its name, changed by directive attributes. */
export function sectionAttributes(
  name: string, attributes: string[], error: (message: string) => never,
): { type: number; flags: number; align: number; entsize: number } {
  const d = sectionDefaults(name);
  let { type, flags, align } = d;
  for (const a of attributes) {
    const m = /^align=(\d+)$/.exec(a);
    if (m) {
      align = Number(m[1]);
      if (align === 0 || (align & (align - 1)) !== 0) error(`section alignment ${align} is not a power of two`);
      continue;
    }
    switch (a) {
      case "progbits": type = SHT_PROGBITS; break;
      case "nobits": type = SHT_NOBITS; break;
      case "alloc": flags |= SHF_ALLOC; break;
      case "noalloc": flags &= ~SHF_ALLOC; break;
      case "exec": flags |= SHF_EXECINSTR; break;
      case "noexec": flags &= ~SHF_EXECINSTR; break;
      case "write": flags |= SHF_WRITE; break;
      case "nowrite": flags &= ~SHF_WRITE; break;
      default: error(`unknown section attribute '${a}'`);
    }
  }
  return { type, flags, align, entsize: d.entsize ?? 0 };
}
