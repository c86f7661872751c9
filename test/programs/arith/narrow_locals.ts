// Narrow variables hold their type's range: compound assignment and ++/-- wrap in it.
import { showI32 } from "../lib/print";

export function main(): i32 {
  let x: u8 = 250;
  x += 10;
  showI32("u8 250+10", x);
  let y: i8 = 127;
  y++;
  showI32("i8 127++", y);
  let z: u16 = 0;
  z--;
  showI32("u16 0--", z);
  let w: i16 = -32768;
  w -= 1;
  showI32("i16 min-1", w);
  let k: u8 = 3;
  k *= 100;
  showI32("u8 3*100", k);
  let s: i8 = -1;
  s >>= 1;
  showI32("i8 -1>>1", s);
  let t: u8 = 0xF0;
  t <<= 2;
  showI32("u8 f0<<2", t);
  return 0;
}
