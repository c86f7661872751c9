// u8/u16/i8/i16 promote to i32 in arithmetic; casts truncate or sign-extend.
import { showI32 } from "../lib/print";

export function main(): i32 {
  let a: u8 = 200;
  let b: u8 = 100;
  showI32("a+b", a + b);
  showI32("u8(a+b)", u8(a + b));
  showI32("a-b-b-b", a - b - b - b);
  showI32("i8(a)", i8(a));
  let w: u16 = 65535;
  showI32("w*w", w * w);
  showI32("i16(w)", i16(w));
  let s: i16 = -300;
  showI32("u16(s)", u16(s));
  showI32("u8(s)", u8(s));
  showI32("i8(s)", i8(s));
  showI32("u8(true)", u8(true));
  return 0;
}
