import { println, showI32 } from "../lib/print";

export function main(): i32 {
  println("hello, world");
  showI32("answer", 6 * 7);
  return 0;
}
