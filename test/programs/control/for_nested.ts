// Nested for loops: a multiplication table's diagonal sums and a triangle.
import { print, newline, showI32 } from "../lib/print";

export function main(): i32 {
  let trace: i32 = 0;
  let total: i32 = 0;
  for (let i = 1; i <= 9; i++) {
    for (let j = 1; j <= 9; j++) {
      total += i * j;
      if (i == j) trace += i * j;
    }
  }
  showI32("trace", trace);
  showI32("total", total);
  for (let row = 1; row <= 4; row++) {
    for (let k = 0; k < row; k++) print("*");
    newline();
  }
  return 0;
}
