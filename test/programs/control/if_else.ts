// if / else if / else chains, with && and || conditions.
import { println } from "../lib/print";

function classify(n: i32): void {
  if (n < 0) println("negative");
  else if (n == 0) println("zero");
  else if (n > 0 && n < 10) println("small");
  else if (n == 42 || n == 4242) println("answer");
  else {
    println("large");
  }
}

export function main(): i32 {
  classify(-5);
  classify(0);
  classify(7);
  classify(42);
  classify(4242);
  classify(100);
  return 0;
}
