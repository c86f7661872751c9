// i16 elements sign-extend on load; u16 zero-extend.
import { showI32 } from "../lib/print";

const s = new StaticArray<i16>(3);
const u = new StaticArray<u16>(3);

export function main(): i32 {
  s[0] = -2;
  s[1] = i16(40000);
  s[2] = 32767;
  u[0] = u16(-2);
  u[1] = 40000;
  u[2] = u16(s[0]);
  for (let i = 0; i < 3; i++) showI32("s", s[i]);
  for (let i = 0; i < 3; i++) showI32("u", u[i]);
  return 0;
}
