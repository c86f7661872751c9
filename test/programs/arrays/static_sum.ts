// A module-level StaticArray: fill, sum, and read its length.
import { showI32 } from "../lib/print";

const squares = new StaticArray<i32>(10);

export function main(): i32 {
  for (let i = 0; i < squares.length; i++) squares[i] = i * i;
  let sum: i32 = 0;
  for (let i = 0; i < squares.length; i++) sum += squares[i];
  showI32("len", squares.length);
  showI32("sum", sum);
  showI32("last", squares[9]);
  return 0;
}
