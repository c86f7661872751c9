// Narrow parameters and results across cdecl boundaries (exported and indirect calls).
import { showI32 } from "../lib/print";

export function lowByte(x: u8): i32 {
  return x;
}

export function signedHalf(x: i16): i32 {
  return x;
}

function toByte(x: i32): u8 {
  return u8(x);
}

type ToByte = (x: i32) => u8;

export function main(): i32 {
  showI32("lowByte", lowByte(u8(0x1FF)));
  showI32("signedHalf", signedHalf(i16(0x18000)));
  const f: ToByte = toByte;
  showI32("indirect", f(0x2345) + 1);
  const g: (x: i16) => i32 = signedHalf;
  showI32("ptr", g(-5));
  return 0;
}
