// Towers of Hanoi: count the moves and print the first few.
import { print, printI32, newline, showI32 } from "../lib/print";

let moves: i32 = 0;

function hanoi(n: i32, from: i32, to: i32, via: i32): void {
  if (n == 0) return;
  hanoi(n - 1, from, via, to);
  moves++;
  if (moves <= 3) {
    printI32(from);
    print("->");
    printI32(to);
    newline();
  }
  hanoi(n - 1, via, to, from);
}

export function main(): i32 {
  hanoi(10, 1, 3, 2);
  showI32("moves", moves);
  return 0;
}
