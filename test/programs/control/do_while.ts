// do/while runs its body at least once; continue goes to the test.
import { showI32 } from "../lib/print";

export function main(): i32 {
  let n: i32 = 0;
  do {
    n++;
  } while (false);
  showI32("once", n);
  let i: i32 = 0;
  let odd: i32 = 0;
  do {
    i++;
    if (i % 2 == 0) continue;
    odd += i;
  } while (i < 10);
  showI32("odd", odd);
  return 0;
}
