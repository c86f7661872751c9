// A labelled break leaves the outer loop: find the first pair with a given product.
import { showI32 } from "../lib/print";

export function main(): i32 {
  let fa: i32 = 0;
  let fb: i32 = 0;
  outer: for (let a = 2; a < 100; a++) {
    for (let b = a; b < 100; b++) {
      if (a * b == 391) {
        fa = a;
        fb = b;
        break outer;
      }
    }
  }
  showI32("a", fa);
  showI32("b", fb);
  return 0;
}
