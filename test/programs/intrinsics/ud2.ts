// ud2() executes the invalid-opcode instruction: SIGILL for a Linux program (#UD in the kernel).
import { println } from "../lib/print";

export function main(): i32 {
  println("Triggering test exception with UD2...");
  ud2();
}
