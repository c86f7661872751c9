// Naive recursive Fibonacci.
import { showI32 } from "../lib/print";

function fib(n: i32): i32 {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

export function main(): i32 {
  for (let i = 0; i <= 20; i += 5) showI32("fib", fib(i));
  return fib(10);
}
