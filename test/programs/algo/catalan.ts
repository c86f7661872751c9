// Catalan numbers by dynamic programming (u32, exact up to C(19)).
import { showU32 } from "../lib/print";

const c = new StaticArray<u32>(20);

export function main(): i32 {
  c[0] = 1;
  for (let n = 1; n < c.length; n++) {
    let s: u32 = 0;
    for (let i = 0; i < n; i++) s += c[i] * c[n - 1 - i];
    c[n] = s;
  }
  showU32("c5", c[5]);
  showU32("c10", c[10]);
  showU32("c19", c[19]);
  return 0;
}
