// A sparse switch (compare chain) with large and negative case values.
import { println } from "../lib/print";

function describe(code: i32): string {
  switch (code) {
    case -100000: return "very negative";
    case 0: return "zero";
    case 404: return "not found";
    case 1000000: return "million";
    default: return "other";
  }
}

export function main(): i32 {
  println(describe(-100000));
  println(describe(0));
  println(describe(404));
  println(describe(1000000));
  println(describe(5));
  return 0;
}
