// The longest Collatz chain below 10000.
import { showU32 } from "../lib/print";

function steps(n: u32): u32 {
  let count: u32 = 0;
  while (n != 1) {
    n = (n & 1) == 0 ? n / 2 : 3 * n + 1;
    count++;
  }
  return count;
}

export function main(): i32 {
  let best: u32 = 0;
  let arg: u32 = 0;
  for (let i: u32 = 1; i < 10000; i++) {
    const s = steps(i);
    if (s > best) {
      best = s;
      arg = i;
    }
  }
  showU32("n", arg);
  showU32("steps", best);
  return i32(best % 256);
}
