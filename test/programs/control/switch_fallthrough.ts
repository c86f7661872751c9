// Cases fall through until a break, as in TypeScript (and C).
import { print, newline } from "../lib/print";

function countdown(n: i32): void {
  switch (n) {
    case 3:
      print("three ");
    case 2:
      print("two ");
    case 1:
      print("one ");
      break;
    case 0:
    case -1:
      print("none ");
      break;
    default:
      print("many ");
  }
  newline();
}

export function main(): i32 {
  for (let i = -1; i <= 4; i++) countdown(i);
  return 0;
}
