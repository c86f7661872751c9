// Page tables: Toyix-style identity map of the first 16 MiB — a page directory whose
// first 4 entries point at 4 page tables of 1024 entries — rebuilt with varying flags,
// then 4096 virtual addresses translated by walking the tables in software.
import { report } from "./lib/report";

const ENTRIES = 1024;
const TABLES = 4;
const PRESENT: u32 = 1;
const WRITABLE: u32 = 2;
const USER: u32 = 4;
/** The physical address the page tables would live at (a constant, so both twins agree). */
const TABLES_BASE: u32 = 0x00100000;

const directory = new StaticArray<u32>(1024, 4096);
const tables = new StaticArray<u32>(4096, 4096);

function buildTables(flags: u32): void {
  for (let t = 0; t < TABLES; t++) {
    for (let i = 0; i < ENTRIES; i++) {
      const page: u32 = u32(t * ENTRIES + i);
      tables[t * ENTRIES + i] = (page << 12) | flags;
    }
    directory[t] = (TABLES_BASE + u32(t) * 4096) | flags;
  }
  for (let d = TABLES; d < ENTRIES; d++) directory[d] = 0;
}

/** The physical address of a virtual one, or 0xFFFFFFFF when it is not mapped. */
function translate(virt: u32): u32 {
  const pde = directory[virt >>> 22];
  if ((pde & PRESENT) == 0) return 0xFFFFFFFF;
  const table = i32(((pde & 0xFFFFF000) - TABLES_BASE) >>> 12);
  const pte = tables[table * ENTRIES + i32((virt >>> 12) & 1023)];
  if ((pte & PRESENT) == 0) return 0xFFFFFFFF;
  return (pte & 0xFFFFF000) | (virt & 0xFFF);
}

export function bench_run(): u32 {
  let checksum: u32 = 0;
  for (let round = 0; round < 64; round++) {
    const flags: u32 = PRESENT | ((round & 1) != 0 ? WRITABLE : 0) | ((round & 2) != 0 ? USER : 0);
    buildTables(flags);
    let virt: u32 = u32(round) * 4099;
    for (let k = 0; k < 4096; k++) {
      checksum = checksum * 33 + translate(virt);
      virt = (virt + 0x5A3B7) & 0x01FFFFFF;
    }
  }
  return checksum;
}

export function main(): i32 {
  report("pagetables", bench_run());
  return 0;
}
