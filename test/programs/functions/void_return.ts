// void functions: bare return, falling off the end, returning a void call.
import { println } from "../lib/print";

let count: i32 = 0;

function bump(): void {
  count++;
}

function maybe(n: i32): void {
  if (n > 2) return;
  println("small");
  return bump();
}

export function main(): i32 {
  maybe(1);
  maybe(5);
  maybe(2);
  return count;
}
