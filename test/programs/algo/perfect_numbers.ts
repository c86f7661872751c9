// Perfect numbers below 10000 and the 3-digit Armstrong numbers.
import { showI32 } from "../lib/print";

function divisorSum(n: i32): i32 {
  let s: i32 = 1;
  for (let d = 2; d * d <= n; d++) {
    if (n % d == 0) {
      s += d;
      if (d * d != n) s += n / d;
    }
  }
  return s;
}

export function main(): i32 {
  for (let n = 2; n < 10000; n++) if (divisorSum(n) == n) showI32("perfect", n);
  for (let n = 100; n < 1000; n++) {
    const a = n / 100;
    const b = n / 10 % 10;
    const c = n % 10;
    if (a * a * a + b * b * b + c * c * c == n) showI32("armstrong", n);
  }
  return 0;
}
