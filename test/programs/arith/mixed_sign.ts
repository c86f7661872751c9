// A signed/unsigned mix is done unsigned, as in C.
import { showBool, showU32, showI32 } from "../lib/print";

export function main(): i32 {
  let m: i32 = -1;
  let one: u32 = 1;
  showBool("-1<1u", m < one);
  showU32("m+one", m + one);
  showU32("m*one", m * one);
  showU32("m/one", m / one);
  let small: i32 = -8;
  showU32("small>>1 mixed", (small + one - one) >> 1);
  showI32("signed", small >> 1);
  showBool("m==0xffffffff", u32(m) == 0xFFFFFFFF);
  return 0;
}
