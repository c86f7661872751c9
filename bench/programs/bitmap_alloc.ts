// Bitmap page allocator (as a kernel's physical memory manager): 32768 pages, one bit
// each; alloc = find the first free bit from a hint word, free = clear the bit and move
// the hint back. Fill everything, free a pseudo-random quarter, allocate it again.
import { report } from "./lib/report";

const PAGES = 32768;
const WORDS = PAGES / 32;
const bitmap = new StaticArray<u32>(WORDS);
let hint: i32 = 0;

/** The first free page at or after the hint word, or -1. */
function findFirstFree(): i32 {
  for (let w = hint; w < WORDS; w++) {
    const word = bitmap[w];
    if (word != 0xFFFFFFFF) {
      let bit: i32 = 0;
      while (((word >>> u32(bit)) & 1) != 0) bit++;
      return w * 32 + bit;
    }
  }
  return -1;
}

function allocPage(): i32 {
  const page = findFirstFree();
  if (page >= 0) {
    bitmap[page >> 5] |= u32(1) << u32(page & 31);
    hint = page >> 5;
  }
  return page;
}

function freePage(page: i32): void {
  bitmap[page >> 5] &= ~(u32(1) << u32(page & 31));
  if ((page >> 5) < hint) hint = page >> 5;
}

export function bench_run(): u32 {
  for (let w = 0; w < WORDS; w++) bitmap[w] = 0;
  hint = 0;
  let checksum: u32 = 0;
  for (let i = 0; i < PAGES; i++) checksum += u32(allocPage());
  let seed: u32 = 7;
  for (let round = 0; round < 6; round++) {
    for (let i = 0; i < PAGES / 4; i++) {
      seed = seed * 1664525 + 1013904223;
      const page = i32(seed >>> 17);
      if ((bitmap[page >> 5] & (u32(1) << u32(page & 31))) != 0) freePage(page);
    }
    let page = allocPage();
    while (page >= 0) {
      checksum = checksum * 17 + u32(page);
      page = allocPage();
    }
  }
  return checksum;
}

export function main(): i32 {
  report("bitmap_alloc", bench_run());
  return 0;
}
