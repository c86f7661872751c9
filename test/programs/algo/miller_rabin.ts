// Deterministic Miller-Rabin for u32 with overflow-free modular multiplication.
import { showI32, showBool } from "../lib/print";

function mulmod(a: u32, b: u32, m: u32): u32 {
  let r: u32 = 0;
  a %= m;
  while (b != 0) {
    if ((b & 1) != 0) {
      r = r >= m - a ? r - (m - a) : r + a;
    }
    a = a >= m - a ? a - (m - a) : a + a;
    b >>>= 1;
  }
  return r;
}

function powmod(b: u32, e: u32, m: u32): u32 {
  let r: u32 = 1;
  b %= m;
  while (e != 0) {
    if ((e & 1) != 0) r = mulmod(r, b, m);
    b = mulmod(b, b, m);
    e >>>= 1;
  }
  return r;
}

function witness(a: u32, n: u32): bool {
  let d = n - 1;
  let s: i32 = 0;
  while ((d & 1) == 0) {
    d >>>= 1;
    s++;
  }
  let x = powmod(a, d, n);
  if (x == 1 || x == n - 1) return false;
  for (let r = 1; r < s; r++) {
    x = mulmod(x, x, n);
    if (x == n - 1) return false;
  }
  return true;
}

function isPrime(n: u32): bool {
  if (n < 2) return false;
  if (n < 4) return true;
  if ((n & 1) == 0) return false;
  if (n >= 3 && n % 3 == 0) return n == 3;
  if (n > 7 && witness(2, n)) return false;
  if (n > 7 && witness(7, n)) return false;
  if (n > 61 && witness(61, n)) return false;
  return true;
}

export function main(): i32 {
  let count: i32 = 0;
  for (let n: u32 = 0; n < 10000; n++) if (isPrime(n)) count++;
  showI32("below 10000", count);
  showBool("4294967291", isPrime(4294967291));
  showBool("4294967295", isPrime(4294967295));
  showBool("2147483647", isPrime(2147483647));
  showBool("carmichael 561", isPrime(561));
  return 0;
}
