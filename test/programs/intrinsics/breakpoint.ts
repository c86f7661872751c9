// int3() traps to the debugger: SIGTRAP for a Linux program.
import { println } from "../lib/print";

export function main(): i32 {
  println("breakpoint next");
  int3();
  return 0;
}
