/* Bitmap page allocator (as a kernel's physical memory manager): 32768 pages, one bit
   each; alloc = find the first free bit from a hint word, free = clear the bit and move
   the hint back. Fill everything, free a pseudo-random quarter, allocate it again. */
#include "lib/report.h"

#define PAGES 32768
#define WORDS (PAGES / 32)
static u32 bitmap[WORDS];
static i32 hint = 0;

static i32 findFirstFree(void) {
  for (i32 w = hint; w < WORDS; w++) {
    u32 word = bitmap[w];
    if (word != 0xFFFFFFFFu) {
      i32 bit = 0;
      while (((word >> (u32)bit) & 1) != 0) bit++;
      return w * 32 + bit;
    }
  }
  return -1;
}

static i32 allocPage(void) {
  i32 page = findFirstFree();
  if (page >= 0) {
    bitmap[page >> 5] |= 1u << (u32)(page & 31);
    hint = page >> 5;
  }
  return page;
}

static void freePage(i32 page) {
  bitmap[page >> 5] &= ~(1u << (u32)(page & 31));
  if ((page >> 5) < hint) hint = page >> 5;
}

BENCH_ENTRY u32 bench_run(void) {
  for (i32 w = 0; w < WORDS; w++) bitmap[w] = 0;
  hint = 0;
  u32 checksum = 0;
  for (i32 i = 0; i < PAGES; i++) checksum += (u32)allocPage();
  u32 seed = 7;
  for (i32 round = 0; round < 6; round++) {
    for (i32 i = 0; i < PAGES / 4; i++) {
      seed = seed * 1664525u + 1013904223u;
      i32 page = (i32)(seed >> 17);
      if ((bitmap[page >> 5] & (1u << (u32)(page & 31))) != 0) freePage(page);
    }
    i32 page = allocPage();
    while (page >= 0) {
      checksum = checksum * 17 + (u32)page;
      page = allocPage();
    }
  }
  return checksum;
}

int main(void) {
  report("bitmap_alloc", bench_run());
  return 0;
}
