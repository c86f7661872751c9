// default need not be last; falling out of default continues into the next case.
import { print, newline } from "../lib/print";

function f(n: u32): void {
  switch (n) {
    case 1:
      print("a");
      break;
    default:
      print("d");
    case 2:
      print("b");
      break;
    case 3:
      print("c");
  }
  newline();
}

export function main(): i32 {
  for (let i: u32 = 0; i < 5; i++) f(i);
  return 0;
}
