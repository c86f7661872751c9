// The comma operator, mostly in for loops with two variables.
import { showI32 } from "../lib/print";

export function main(): i32 {
  let meet: i32 = 0;
  let i: i32;
  let j: i32;
  for (i = 0, j = 100; i < j; i++, j -= 2) meet = i;
  showI32("meet", meet);
  showI32("j", j);
  const x = (i++, i++, i);
  showI32("x", x);
  return 0;
}
