// isize and usize are i32 and u32 by other names: address arithmetic and signed offsets.
import { showU32, showI32, showBool } from "../lib/print";

const region = new StaticArray<u8>(64, 16);

function offsetFrom(base: usize, delta: isize): usize {
  return base + usize(delta);
}

export function main(): i32 {
  const base = addressOf(region) + 32;
  const back = offsetFrom(base, -16);
  const fwd = offsetFrom(base, 16);
  showU32("span", fwd - back);
  showBool("aligned", (back & 15) == 0);
  const diff: isize = isize(back) - isize(fwd);
  showI32("diff", diff);
  let n: usize = 0;
  n -= 1;
  showU32("usize wrap", n);
  showI32("isize(n)", isize(n));
  return 0;
}
