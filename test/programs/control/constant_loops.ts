// Loops with constant conditions: while (true) with break, do/while (false), for (;;).
import { showI32 } from "../lib/print";

export function main(): i32 {
  let n: i32 = 0;
  while (true) {
    n++;
    if (n == 5) break;
  }
  showI32("while", n);
  do {
    n += 10;
  } while (false);
  showI32("do", n);
  for (;;) {
    n *= 2;
    if (n > 100) break;
  }
  showI32("for", n);
  while (false) n = -1;
  showI32("never", n);
  return 0;
}
