// In-place reversal of an array with two indices.
import { print, printI32, newline } from "../lib/print";

const xs = new StaticArray<i32>(7);

export function main(): i32 {
  for (let i = 0; i < xs.length; i++) xs[i] = 10 * (i + 1);
  let i: i32 = 0;
  let j: i32 = xs.length - 1;
  while (i < j) {
    const t = xs[i];
    xs[i++] = xs[j];
    xs[j--] = t;
  }
  for (let k = 0; k < xs.length; k++) {
    printI32(xs[k]);
    print(" ");
  }
  newline();
  return 0;
}
