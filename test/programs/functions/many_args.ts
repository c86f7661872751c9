// Functions with many parameters of mixed types.
import { showI32, showU32 } from "../lib/print";

function mix(a: i32, b: u8, c: i16, d: u32, e: i8, f: u16, g: i32, h: bool): i32 {
  return a + b * 2 + c * 3 + i32(d) * 4 + e * 5 + f * 6 + g * 7 + (h ? 1000 : 0);
}

function weighted(a: u32, b: u32, c: u32, d: u32, e: u32, f: u32, g: u32, h: u32, i: u32, j: u32): u32 {
  return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h + 9 * i + 10 * j;
}

export function main(): i32 {
  showI32("mix", mix(1, 255, -3, 4, -128, 65535, -7, true));
  showU32("weighted", weighted(1, 1, 1, 1, 1, 1, 1, 1, 1, 1));
  showU32("weighted2", weighted(10, 9, 8, 7, 6, 5, 4, 3, 2, 1));
  return 0;
}
