// while loops: sum of digits and digit reversal.
import { showU32 } from "../lib/print";

function digitSum(n: u32): u32 {
  let s: u32 = 0;
  while (n > 0) {
    s += n % 10;
    n /= 10;
  }
  return s;
}

function reverseDigits(n: u32): u32 {
  let r: u32 = 0;
  while (n != 0) {
    r = r * 10 + n % 10;
    n = n / 10;
  }
  return r;
}

export function main(): i32 {
  showU32("sum", digitSum(987654321));
  showU32("rev", reverseDigits(123456789));
  let total: u32 = 0;
  let i: u32 = 0;
  while (i < 1000) total += digitSum(i++);
  showU32("total", total);
  return 0;
}
