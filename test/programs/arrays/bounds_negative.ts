// A negative index fails the same check (it is compared unsigned).
import { println } from "../lib/print";

const bytes = new StaticArray<u8>(16);

export function main(): i32 {
  let i: i32 = 3;
  bytes[i] = 1;
  println("stored");
  i -= 4;
  bytes[i] = 2;
  println("unreachable");
  return 0;
}
