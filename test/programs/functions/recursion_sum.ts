// Recursion a thousand deep, and tail-style accumulation.
import { showI32 } from "../lib/print";

function sumTo(n: i32): i32 {
  return n == 0 ? 0 : n + sumTo(n - 1);
}

function power(base: i32, exp: i32, acc: i32): i32 {
  return exp == 0 ? acc : power(base, exp - 1, acc * base);
}

export function main(): i32 {
  showI32("sum", sumTo(1000));
  showI32("3^13", power(3, 13, 1));
  return 0;
}
