// Unannotated literals are i32, or adapt to the type they meet; beyond i32 they default to u32.
import { showU32, showI32, showHex } from "../lib/print";

const BIG = 3000000000;
const MASK = 0xFFFFF000;
const SMALL = 1000;

export function main(): i32 {
  let big = BIG;
  showU32("big", big);
  showU32("big+1", big + 1);
  let addr: u32 = 0x00123456;
  showHex("masked", addr & MASK);
  let b: u8 = 255;
  showI32("b", b);
  let s = SMALL;
  showI32("s-2000", s - 2000);
  let h: u16 = SMALL * 60;
  showI32("h", h);
  showHex("shift", 1 << 31);
  return 0;
}
