// Insertion sort of 3000 pseudo-random u32s (about 2.25 million element moves).
import { report } from "./lib/report";

const COUNT = 3000;
const values = new StaticArray<u32>(COUNT);

function fill(seed: u32): void {
  for (let i = 0; i < COUNT; i++) {
    seed = seed * 1103515245 + 12345;
    values[i] = seed ^ (seed >>> 15);
  }
}

function insertionSort(): void {
  for (let i = 1; i < COUNT; i++) {
    const key = values[i];
    let j = i - 1;
    while (j >= 0 && values[j] > key) {
      values[j + 1] = values[j];
      j--;
    }
    values[j + 1] = key;
  }
}

export function bench_run(): u32 {
  fill(2024);
  insertionSort();
  let checksum: u32 = 0;
  for (let i = 0; i < COUNT; i++) checksum = checksum * 31 + values[i];
  return checksum;
}

export function main(): i32 {
  report("insertion_sort", bench_run());
  return 0;
}
