// main's return value is the exit status (modulo 256); sys_exit ends the program at once.
import { println } from "../lib/print";

function finish(code: i32): never {
  println("finishing");
  sys_exit(code);
}

export function main(): i32 {
  println("start");
  finish(300);
}
