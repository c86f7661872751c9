// Rows of Pascal's triangle computed in place, and row 30's middle entry.
import { print, printU32, newline, showU32 } from "../lib/print";

const row = new StaticArray<u32>(32);

export function main(): i32 {
  row[0] = 1;
  for (let n = 1; n <= 30; n++) {
    for (let k = n; k > 0; k--) row[k] += row[k - 1];
    if (n <= 6) {
      for (let k = 0; k <= n; k++) {
        printU32(row[k]);
        print(" ");
      }
      newline();
    }
  }
  showU32("C(30,15)", row[15]);
  return 0;
}
