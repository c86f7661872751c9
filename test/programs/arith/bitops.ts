// Bit manipulation: population count, bit reversal, rotations, lowest set bit.
import { showI32, showHex } from "../lib/print";

function popcount(x: u32): i32 {
  let n: i32 = 0;
  while (x != 0) {
    x &= x - 1;
    n++;
  }
  return n;
}

function reverse(x: u32): u32 {
  let r: u32 = 0;
  for (let i = 0; i < 32; i++) {
    r = (r << 1) | (x & 1);
    x >>= 1;
  }
  return r;
}

function rotl(x: u32, n: u32): u32 {
  return (x << n) | (x >>> (32 - n));
}

export function main(): i32 {
  showI32("pop", popcount(0xF0F0F0F0));
  showI32("pop0", popcount(0));
  showI32("popmax", popcount(0xFFFFFFFF));
  showHex("rev", reverse(0x00000001));
  showHex("rev2", reverse(0x12345678));
  showHex("rotl", rotl(0x80000001, 4));
  const v: u32 = 0x00A0;
  showHex("lowbit", v & (~v + 1));
  showHex("xor", 0x5555AAAA ^ 0xFFFF0000);
  return 0;
}
