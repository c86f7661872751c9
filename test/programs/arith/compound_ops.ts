// Every compound assignment operator on i32 and u32.
import { showI32, showU32 } from "../lib/print";

export function main(): i32 {
  let a: i32 = 1000;
  a += 234; showI32("+=", a);
  a -= 2000; showI32("-=", a);
  a *= 3; showI32("*=", a);
  a /= 7; showI32("/=", a);
  a %= 100; showI32("%=", a);
  a <<= 4; showI32("<<=", a);
  a >>= 2; showI32(">>=", a);
  a >>>= 28; showI32(">>>=", a);
  a |= 0x100; showI32("|=", a);
  a &= 0x1F0; showI32("&=", a);
  a ^= 0xFF; showI32("^=", a);
  let u: u32 = 7;
  u -= 10; showU32("u-=", u);
  u /= 3; showU32("u/=", u);
  u %= 1000; showU32("u%=", u);
  u >>= 1; showU32("u>>=", u);
  return 0;
}
