// An index past the end calls __ts386_bounds_fail with "index out of bounds at FILE:LINE".
import { showI32 } from "../lib/print";

const table = new StaticArray<u32>(8);

function get(i: i32): u32 {
  return table[i];
}

export function main(): i32 {
  showI32("ok", i32(get(7)));
  showI32("bad", i32(get(8)));
  return 0;
}
