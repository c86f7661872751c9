/* Heap sort of 60000 pseudo-random u32s: sift-down with computed child indexes. */
#include "lib/report.h"

#define COUNT 60000
static u32 heap[COUNT];

static void siftDown(i32 start, i32 end) {
  i32 root = start;
  while (2 * root + 1 < end) {
    i32 child = 2 * root + 1;
    if (child + 1 < end && heap[child] < heap[child + 1]) child++;
    if (heap[root] >= heap[child]) return;
    u32 swap = heap[root];
    heap[root] = heap[child];
    heap[child] = swap;
    root = child;
  }
}

static void heapSort(void) {
  for (i32 start = COUNT / 2 - 1; start >= 0; start--) siftDown(start, COUNT);
  for (i32 end = COUNT - 1; end > 0; end--) {
    u32 top = heap[0];
    heap[0] = heap[end];
    heap[end] = top;
    siftDown(0, end);
  }
}

BENCH_ENTRY u32 bench_run(void) {
  u32 seed = 99;
  for (i32 i = 0; i < COUNT; i++) {
    seed = seed * 1664525u + 1013904223u;
    heap[i] = seed;
  }
  heapSort();
  u32 checksum = 0;
  for (i32 i = 0; i < COUNT; i++) checksum = checksum * 31 + heap[i];
  return checksum;
}

int main(void) {
  report("heap_sort", bench_run());
  return 0;
}
