// Recursive quicksort (Lomuto partition) and a checksum of the result.
import { showI32, showBool } from "../lib/print";

const v = new StaticArray<i32>(200);

function swap(i: i32, j: i32): void {
  const t = v[i];
  v[i] = v[j];
  v[j] = t;
}

function quicksort(lo: i32, hi: i32): void {
  if (lo >= hi) return;
  const pivot = v[hi];
  let p = lo;
  for (let i = lo; i < hi; i++) {
    if (v[i] < pivot) {
      swap(i, p);
      p++;
    }
  }
  swap(p, hi);
  quicksort(lo, p - 1);
  quicksort(p + 1, hi);
}

export function main(): i32 {
  let x: u32 = 7;
  for (let i = 0; i < v.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    v[i] = i32(x % 1000);
  }
  quicksort(0, v.length - 1);
  let ok = true;
  let weighted: i32 = 0;
  for (let i = 0; i < v.length; i++) {
    if (i > 0 && v[i - 1] > v[i]) ok = false;
    weighted += v[i] * (i + 1);
  }
  showBool("sorted", ok);
  showI32("min", v[0]);
  showI32("max", v[199]);
  showI32("weighted", weighted);
  return 0;
}
