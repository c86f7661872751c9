// u8 elements: stores keep the low byte, loads zero-extend.
import { showI32 } from "../lib/print";

const buf = new StaticArray<u8>(4);

export function main(): i32 {
  buf[0] = 255;
  buf[1] = u8(256 + 7);
  let v: i32 = -1;
  buf[2] = u8(v);
  buf[3] = buf[0];
  buf[3] += 2;
  showI32("b0", buf[0]);
  showI32("b1", buf[1]);
  showI32("b2", buf[2]);
  showI32("b3", buf[3]);
  showI32("sum", buf[0] + buf[1] + buf[2]);
  return 0;
}
