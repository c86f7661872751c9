// Fibonacci numbers modulo 2^32 (u32 wraps).
import { showU32 } from "../lib/print";

export function main(): i32 {
  let a: u32 = 0;
  let b: u32 = 1;
  for (let i = 0; i < 100; i++) {
    const t = a + b;
    a = b;
    b = t;
    if (i % 25 == 24) showU32("fib", a);
  }
  return 0;
}
