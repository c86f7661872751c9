// Integer square roots by Newton's method and by the bit-by-bit method.
import { showU32 } from "../lib/print";

function newton(n: u32): u32 {
  if (n < 2) return n;
  let x = n;
  let y = (x + 1) / 2;
  while (y < x) {
    x = y;
    y = (x + n / x) / 2;
  }
  return x;
}

function bitwise(n: u32): u32 {
  let res: u32 = 0;
  let bit: u32 = 1 << 30;
  while (bit > n) bit >>= 2;
  while (bit != 0) {
    if (n >= res + bit) {
      n -= res + bit;
      res = (res >> 1) + bit;
    } else {
      res >>= 1;
    }
    bit >>= 2;
  }
  return res;
}

export function main(): i32 {
  const tests: u32 = 6;
  let n: u32 = 17;
  for (let i: u32 = 0; i < tests; i++) {
    showU32("newton", newton(n));
    showU32("bitwise", bitwise(n));
    n = n * 37 + 11;
  }
  showU32("max", newton(4000000000));
  return 0;
}
