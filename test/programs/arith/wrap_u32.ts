// u32 arithmetic wraps modulo 2^32.
import { showU32, showHex } from "../lib/print";

export function main(): i32 {
  let a: u32 = 0xFFFFFFFF;
  a = a + 1;
  showU32("max+1", a);
  let b: u32 = 0;
  b = b - 1;
  showHex("0-1", b);
  let c: u32 = 0x80000000;
  showU32("2^31*2", c * 2);
  let d: u32 = 123456789;
  showU32("d*d", d * d);
  showU32("d*1000", d * 1000);
  showHex("big", u32(0xDEADBEEF) + 0x21524111);
  return 0;
}
