// Narrow parameters: arguments are converted at the call; a cast is needed to narrow a wider value.
import { showI32 } from "../lib/print";

function bytePlusOne(b: u8): i32 {
  return b + 1;
}

function signedByte(b: i8): i32 {
  return b;
}

export function main(): i32 {
  let wide: i32 = 511;
  showI32("u8(511)+1", bytePlusOne(u8(wide)));
  showI32("255+1", bytePlusOne(255));
  showI32("i8(200)", signedByte(i8(200)));
  const small: u8 = 7;
  showI32("widen", signedByte(i8(small)));
  return 0;
}
