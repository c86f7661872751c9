// The conditional operator, nested, with mixed literal and typed arms.
import { showI32, showU32, println } from "../lib/print";

function sign(n: i32): i32 {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}

function clamp(v: u32, lo: u32, hi: u32): u32 {
  return v < lo ? lo : v > hi ? hi : v;
}

export function main(): i32 {
  showI32("sign", sign(-9));
  showI32("sign", sign(0));
  showI32("sign", sign(12));
  showU32("clamp", clamp(5, 10, 20));
  showU32("clamp", clamp(15, 10, 20));
  showU32("clamp", clamp(4000000000, 10, 20));
  const b: u8 = 7;
  const wide = b > 5 ? b : 1000;
  showI32("wide", wide);
  println(b == 7 ? "seven" : "other");
  return 0;
}
