// Binary search over a sorted table.
import { showI32 } from "../lib/print";

const sorted = new StaticArray<i32>(100);

function search(key: i32): i32 {
  let lo: i32 = 0;
  let hi: i32 = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid];
    if (v == key) return mid;
    if (v < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

export function main(): i32 {
  for (let i = 0; i < sorted.length; i++) sorted[i] = i * 3 + 1;
  showI32("1", search(1));
  showI32("298", search(298));
  showI32("151", search(151));
  showI32("150", search(150));
  showI32("0", search(0));
  return 0;
}
