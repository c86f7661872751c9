// Project Euler 1 and 4 (2-digit version) and 6.
import { showI32 } from "../lib/print";

function isPalindrome(n: i32): bool {
  let r: i32 = 0;
  let m = n;
  while (m > 0) {
    r = r * 10 + m % 10;
    m /= 10;
  }
  return r == n;
}

export function main(): i32 {
  let s: i32 = 0;
  for (let i = 0; i < 1000; i++) if (i % 3 == 0 || i % 5 == 0) s += i;
  showI32("euler1", s);
  let best: i32 = 0;
  for (let a = 10; a < 100; a++) for (let b = a; b < 100; b++) if (a * b > best && isPalindrome(a * b)) best = a * b;
  showI32("euler4", best);
  let sumSq: i32 = 0;
  let sum: i32 = 0;
  for (let i = 1; i <= 100; i++) {
    sumSq += i * i;
    sum += i;
  }
  showI32("euler6", sum * sum - sumSq);
  return 0;
}
