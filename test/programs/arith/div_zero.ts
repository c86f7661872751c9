// Division by zero at run time traps (SIGFPE); a constant division by zero is a compile error instead.
import { showU32 } from "../lib/print";

function divide(a: u32, b: u32): u32 {
  return a % b;
}

export function main(): i32 {
  showU32("ok", divide(10, 3));
  showU32("boom", divide(10, 0));
  return 0;
}
