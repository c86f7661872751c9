// Euclid's algorithm, recursive and iterative, and the lcm of 1..20.
import { showU32 } from "../lib/print";

function gcd(a: u32, b: u32): u32 {
  return b == 0 ? a : gcd(b, a % b);
}

function gcdLoop(a: u32, b: u32): u32 {
  while (b != 0) {
    const t = b;
    b = a % b;
    a = t;
  }
  return a;
}

export function main(): i32 {
  showU32("gcd", gcd(1071, 462));
  showU32("gcdLoop", gcdLoop(3918848, 1653264));
  let l: u32 = 1;
  for (let i: u32 = 2; i <= 20; i++) l = l / gcd(l, i) * i;
  showU32("lcm1..20", l);
  return 0;
}
