// A static @unmanaged instance: fields of several widths, read and written.
import { showI32, showU32 } from "../lib/print";

@unmanaged
class Point {
  x: i32;
  y: i32;
  tag: u8;
}

const p = new Point();

export function main(): i32 {
  p.x = 3;
  p.y = -4;
  p.tag = 200;
  p.x += 10;
  p.tag++;
  showI32("x", p.x);
  showI32("y", p.y);
  showU32("tag", p.tag);
  showI32("dot", p.x * p.x + p.y * p.y);
  return 0;
}
