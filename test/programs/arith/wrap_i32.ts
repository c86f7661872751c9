// i32 arithmetic wraps in two's complement (no undefined behaviour).
import { showI32 } from "../lib/print";

export function main(): i32 {
  let max: i32 = 2147483647;
  showI32("max+1", max + 1);
  let min: i32 = -2147483648;
  showI32("min-1", min - 1);
  showI32("-min", -min);
  showI32("min*-1", min * -1);
  showI32("max*max", max * max);
  let x: i32 = 46341;
  showI32("x*x", x * x);
  return 0;
}
