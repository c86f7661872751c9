/* Insertion sort of 3000 pseudo-random u32s (about 2.25 million element moves). */
#include "lib/report.h"

#define COUNT 3000
static u32 values[COUNT];

static void fill(u32 seed) {
  for (i32 i = 0; i < COUNT; i++) {
    seed = seed * 1103515245u + 12345u;
    values[i] = seed ^ (seed >> 15);
  }
}

static void insertionSort(void) {
  for (i32 i = 1; i < COUNT; i++) {
    u32 key = values[i];
    i32 j = i - 1;
    while (j >= 0 && values[j] > key) {
      values[j + 1] = values[j];
      j--;
    }
    values[j + 1] = key;
  }
}

BENCH_ENTRY u32 bench_run(void) {
  fill(2024);
  insertionSort();
  u32 checksum = 0;
  for (i32 i = 0; i < COUNT; i++) checksum = checksum * 31 + values[i];
  return checksum;
}

int main(void) {
  report("insertion_sort", bench_run());
  return 0;
}
