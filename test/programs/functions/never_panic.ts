// A function returning `never` (a panic): code after the call is unreachable.
import { print, println } from "../lib/print";

function panic(reason: string): never {
  print("*** KERNEL PANIC *** Reason: ");
  println(reason);
  sys_exit(3);
}

function check(v: i32): i32 {
  if (v < 0) panic("negative value");
  return v * 2;
}

export function main(): i32 {
  println(check(2) == 4 ? "ok" : "wrong");
  check(-1);
  println("not reached");
  return 0;
}
