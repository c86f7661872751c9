// Compound assignment and ++ on array elements evaluate the index once.
import { showI32 } from "../lib/print";

const counts = new StaticArray<i32>(4);
let calls: i32 = 0;

function pick(i: i32): i32 {
  calls++;
  return i;
}

export function main(): i32 {
  counts[pick(1)] += 5;
  counts[pick(1)] *= 3;
  counts[pick(2)]++;
  ++counts[pick(2)];
  const old = counts[pick(3)]--;
  showI32("c1", counts[1]);
  showI32("c2", counts[2]);
  showI32("c3", counts[3]);
  showI32("old", old);
  showI32("calls", calls);
  return 0;
}
