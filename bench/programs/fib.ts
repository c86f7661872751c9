// Recursive Fibonacci: call overhead (frames, saved registers, argument passing).
import { report } from "./lib/report";

function fib(n: i32): i32 {
  if (n < 2) return n;
  return fib(n - 1) + fib(n - 2);
}

export function bench_run(): u32 {
  let sum: u32 = 0;
  for (let n = 20; n <= 27; n++) sum = sum * 31 + u32(fib(n));
  return sum;
}

export function main(): i32 {
  report("fib", bench_run());
  return 0;
}
