/* Page tables: Toyix-style identity map of the first 16 MiB — a page directory whose
   first 4 entries point at 4 page tables of 1024 entries — rebuilt with varying flags,
   then 4096 virtual addresses translated by walking the tables in software. */
#include "lib/report.h"

#define ENTRIES 1024
#define TABLES 4
#define PRESENT 1u
#define WRITABLE 2u
#define USER 4u
#define TABLES_BASE 0x00100000u

static u32 directory[1024] __attribute__((aligned(4096)));
static u32 tables[4096] __attribute__((aligned(4096)));

static void buildTables(u32 flags) {
  for (i32 t = 0; t < TABLES; t++) {
    for (i32 i = 0; i < ENTRIES; i++) {
      u32 page = (u32)(t * ENTRIES + i);
      tables[t * ENTRIES + i] = (page << 12) | flags;
    }
    directory[t] = (TABLES_BASE + (u32)t * 4096) | flags;
  }
  for (i32 d = TABLES; d < ENTRIES; d++) directory[d] = 0;
}

static u32 translate(u32 virt) {
  u32 pde = directory[virt >> 22];
  if ((pde & PRESENT) == 0) return 0xFFFFFFFFu;
  i32 table = (i32)(((pde & 0xFFFFF000u) - TABLES_BASE) >> 12);
  u32 pte = tables[table * ENTRIES + (i32)((virt >> 12) & 1023)];
  if ((pte & PRESENT) == 0) return 0xFFFFFFFFu;
  return (pte & 0xFFFFF000u) | (virt & 0xFFF);
}

BENCH_ENTRY u32 bench_run(void) {
  u32 checksum = 0;
  for (i32 round = 0; round < 64; round++) {
    u32 flags = PRESENT | ((round & 1) != 0 ? WRITABLE : 0) | ((round & 2) != 0 ? USER : 0);
    buildTables(flags);
    u32 virt = (u32)round * 4099;
    for (i32 k = 0; k < 4096; k++) {
      checksum = checksum * 33 + translate(virt);
      virt = (virt + 0x5A3B7) & 0x01FFFFFF;
    }
  }
  return checksum;
}

int main(void) {
  report("pagetables", bench_run());
  return 0;
}
