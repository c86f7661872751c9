// Heap sort of 60000 pseudo-random u32s: sift-down with computed child indexes.
import { report } from "./lib/report";

const COUNT = 60000;
const heap = new StaticArray<u32>(COUNT);

function siftDown(start: i32, end: i32): void {
  let root = start;
  while (2 * root + 1 < end) {
    let child = 2 * root + 1;
    if (child + 1 < end && heap[child] < heap[child + 1]) child++;
    if (heap[root] >= heap[child]) return;
    const swap = heap[root];
    heap[root] = heap[child];
    heap[child] = swap;
    root = child;
  }
}

function heapSort(): void {
  for (let start = COUNT / 2 - 1; start >= 0; start--) siftDown(start, COUNT);
  for (let end = COUNT - 1; end > 0; end--) {
    const top = heap[0];
    heap[0] = heap[end];
    heap[end] = top;
    siftDown(0, end);
  }
}

export function bench_run(): u32 {
  let seed: u32 = 99;
  for (let i = 0; i < COUNT; i++) {
    seed = seed * 1664525 + 1013904223;
    heap[i] = seed;
  }
  heapSort();
  let checksum: u32 = 0;
  for (let i = 0; i < COUNT; i++) checksum = checksum * 31 + heap[i];
  return checksum;
}

export function main(): i32 {
  report("heap_sort", bench_run());
  return 0;
}
