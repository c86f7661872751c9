// Stein's binary GCD (shifts and subtraction only), checked against Euclid.
import { showU32, showBool } from "../lib/print";

function trailingZeros(x: u32): u32 {
  let n: u32 = 0;
  while ((x & 1) == 0) {
    x >>>= 1;
    n++;
  }
  return n;
}

function stein(a: u32, b: u32): u32 {
  if (a == 0) return b;
  if (b == 0) return a;
  const shift = trailingZeros(a | b);
  a >>>= trailingZeros(a);
  do {
    b >>>= trailingZeros(b);
    if (a > b) {
      const t = a;
      a = b;
      b = t;
    }
    b -= a;
  } while (b != 0);
  return a << shift;
}

function euclid(a: u32, b: u32): u32 {
  while (b != 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

export function main(): i32 {
  showU32("gcd", stein(48, 180));
  showU32("gcd", stein(3221225472, 2147483648));
  let agree = true;
  let x: u32 = 12345;
  for (let i = 0; i < 200; i++) {
    x = x * 69069 + 1;
    const a = x >>> 8;
    x = x * 69069 + 1;
    const b = x >>> 12;
    if (stein(a, b) != euclid(a, b)) agree = false;
  }
  showBool("agree", agree);
  return 0;
}
