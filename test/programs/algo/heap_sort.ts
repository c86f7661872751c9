// Heap sort with sift-down, on 64 values from a linear congruential generator.
import { showI32, showBool } from "../lib/print";

const xs = new StaticArray<i32>(64);

function siftDown(start: i32, end: i32): void {
  let root = start;
  while (2 * root + 1 <= end) {
    let child = 2 * root + 1;
    if (child + 1 <= end && xs[child] < xs[child + 1]) child++;
    if (xs[root] >= xs[child]) return;
    const t = xs[root];
    xs[root] = xs[child];
    xs[child] = t;
    root = child;
  }
}

export function main(): i32 {
  let seed: u32 = 42;
  for (let i = 0; i < xs.length; i++) {
    seed = seed * 1664525 + 1013904223;
    xs[i] = i32(seed >>> 8) % 10000 - 5000;
  }
  for (let start = (xs.length - 2) / 2; start >= 0; start--) siftDown(start, xs.length - 1);
  for (let end = xs.length - 1; end > 0; end--) {
    const t = xs[0];
    xs[0] = xs[end];
    xs[end] = t;
    siftDown(0, end - 1);
  }
  let ok = true;
  for (let i = 1; i < xs.length; i++) if (xs[i - 1] > xs[i]) ok = false;
  showBool("sorted", ok);
  showI32("min", xs[0]);
  showI32("median", xs[32]);
  showI32("max", xs[63]);
  return 0;
}
