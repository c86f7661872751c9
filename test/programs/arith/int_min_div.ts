// INT_MIN / -1 overflows: the CPU traps (SIGFPE), as a C program on i386 does.
import { println } from "../lib/print";

function divide(a: i32, b: i32): i32 {
  return a / b;
}

export function main(): i32 {
  println("before");
  const q = divide(-2147483648, -1);
  println("after");
  return q;
}
