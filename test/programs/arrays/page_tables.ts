// Toyix chapter 5's identity map, computed into static 4 KiB-aligned tables.
import { showHex, showI32, showBool } from "../lib/print";

const PAGE_SIZE: u32 = 4096;
const PRESENT: u32 = 0x001;
const WRITABLE: u32 = 0x002;
const FRAME_MASK: u32 = 0xFFFFF000;
const ENTRIES = 1024;
const TABLES = 4;

const directory = new StaticArray<u32>(ENTRIES, 4096);
const tables = new StaticArray<u32>(TABLES * ENTRIES, 4096);

function build(): void {
  for (let i = 0; i < ENTRIES; i++) directory[i] = 0;
  for (let t = 0; t < TABLES; t++) {
    for (let e = 0; e < ENTRIES; e++) {
      const physical = u32(t * ENTRIES + e) * PAGE_SIZE;
      tables[t * ENTRIES + e] = (physical & FRAME_MASK) | PRESENT | WRITABLE;
    }
    directory[t] = (u32(addressOf(tables[t * ENTRIES])) & FRAME_MASK) | PRESENT | WRITABLE;
  }
}

/** Walks the tables like the MMU: directory index, table index, offset. */
function translate(virt: u32): u32 {
  const pde = directory[virt >>> 22];
  if ((pde & PRESENT) == 0) return 0xFFFFFFFF;
  const table = pde & FRAME_MASK;
  const pte = load<u32>(table + ((virt >>> 12) & 0x3FF) * 4);
  if ((pte & PRESENT) == 0) return 0xFFFFFFFF;
  return (pte & FRAME_MASK) | (virt & 0xFFF);
}

export function main(): i32 {
  build();
  showHex("pte[0x123]", tables[0x123]);
  showHex("vga", translate(0x000B8000));
  showHex("kernel", translate(0x00123456));
  showHex("last", translate(0x00FFFFFF));
  showHex("unmapped", translate(0xC0000000));
  showBool("dir aligned", (directory[1] & 0xFFF) == (PRESENT | WRITABLE));
  showI32("present tables", i32((directory[0] & 1) + (directory[3] & 1) + (directory[4] & 1)));
  return 0;
}
