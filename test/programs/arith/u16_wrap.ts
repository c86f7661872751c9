// u16 and i16 arithmetic: results promote to i32, stores wrap.
import { showI32 } from "../lib/print";

function checksum16(seed: u16, n: i32): u16 {
  let sum: u16 = seed;
  for (let i = 0; i < n; i++) {
    sum = u16(sum + i * 4099);
  }
  return sum;
}

export function main(): i32 {
  showI32("cs", checksum16(12345, 100));
  let a: i16 = 30000;
  let b: i16 = 30000;
  showI32("a+b", a + b);
  showI32("i16(a+b)", i16(a + b));
  let c: u16 = 40000;
  showI32("c*2", c * 2);
  showI32("u16(c*2)", u16(c * 2));
  return 0;
}
