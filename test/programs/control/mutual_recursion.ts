// Mutually recursive functions (declared in either order).
import { showBool } from "../lib/print";

function isEven(n: u32): bool {
  return n == 0 ? true : isOdd(n - 1);
}

function isOdd(n: u32): bool {
  return n == 0 ? false : isEven(n - 1);
}

export function main(): i32 {
  showBool("even 10", isEven(10));
  showBool("odd 7", isOdd(7));
  showBool("even 7", isEven(7));
  return 0;
}
