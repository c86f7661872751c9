// Privileged intrinsics (cli, port I/O, control registers) fault in user mode: SIGSEGV.
import { println } from "../lib/print";

export function main(): i32 {
  println("about to cli");
  cli();
  println("not reached");
  return 0;
}
