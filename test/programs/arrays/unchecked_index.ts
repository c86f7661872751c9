// unchecked(a[i]) skips the bounds check (reads and writes).
import { showI32 } from "../lib/print";

const a = new StaticArray<i32>(4);
const b = new StaticArray<i32>(4);

export function main(): i32 {
  for (let i = 0; i < 4; i++) {
    unchecked(a[i] = i + 1);
    unchecked(b[i] = (i + 1) * 100);
  }
  let i: i32 = 2;
  showI32("a[2]", unchecked(a[i]));
  unchecked(a[i] = 77);
  showI32("a[2]", a[2]);
  let s: i32 = 0;
  for (let k = 0; k < 4; k++) s += unchecked(b[k]);
  showI32("s", s);
  return 0;
}
