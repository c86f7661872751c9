// nop() and pause() are harmless in user mode.
import { println } from "../lib/print";

export function main(): i32 {
  for (let i = 0; i < 3; i++) {
    nop();
    pause();
  }
  println("spun");
  return 0;
}
