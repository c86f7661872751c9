// Counted loops of every proven shape (<, <=, +=, i = i + k) visit exactly the elements they should.
import { showI32 } from "../lib/print";

const a = new StaticArray<i32>(10);

export function main(): i32 {
  for (let i = 0; i < a.length; i++) a[i] = i + 1;
  let s: i32 = 0;
  for (let i = 0; i <= 9; i += 3) s += a[i];
  showI32("step3", s);
  s = 0;
  for (let i = 1; i < 10; i = i + 2) s += a[i];
  showI32("odd", s);
  s = 0;
  for (let i: u8 = 0; i < 10; ++i) s += a[i];
  showI32("u8", s);
  s = 0;
  for (let i = 5; i < a.length; i++) s += a[i];
  showI32("tail", s);
  return 0;
}
