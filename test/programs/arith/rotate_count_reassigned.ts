// A rotate's count must be one value at the shl, the sub and the rotate: in
// `(x << n) | (x >>> (32 - (n = n + 1)))` the shl reads n before the assignment, so it
// is no rotate (a loop keeps n in one temp, which the matcher saw written only after the sub).
import { showU32 } from "../lib/print";

const input = new StaticArray<u32>(2);

function countWrittenBetween(x: u32, n: u32): u32 {
  let r: u32 = 0;
  for (let i = 0; i < 5; i++) {
    r ^= (x << n) | (x >>> (32 - (n = n + 1)));
  }
  return r + n;
}

function countWrittenBefore(x: u32, n: u32): u32 {
  let r: u32 = 0;
  for (let i = 0; i < 5; i++) {
    n = n + 7;
    r ^= (x << n) | (x >>> (32 - n));
  }
  return r + n;
}

function shrFirst(x: u32, n: u32): u32 {
  let r: u32 = 0;
  for (let i = 0; i < 5; i++) {
    r += (x >>> (32 - n)) | (x << (n = n + 3));
  }
  return r + n;
}

export function main(): i32 {
  input[0] = 0x12345678;
  input[1] = 4;
  showU32("between", countWrittenBetween(input[0], input[1]));
  showU32("before", countWrittenBefore(input[0], input[1]));
  showU32("shr first", shrFirst(input[0], input[1]));
  return 0;
}
