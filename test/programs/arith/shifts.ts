// >> is arithmetic on signed and logical on unsigned; >>> is always logical; counts are taken mod 32.
import { showI32, showU32, showHex } from "../lib/print";

export function main(): i32 {
  let s: i32 = -256;
  showI32("s>>4", s >> 4);
  showI32("s>>>28", s >>> 28);
  let u: u32 = 0xFFFFFF00;
  showHex("u>>4", u >> 4);
  showHex("u>>>4", u >>> 4);
  let n: i32 = 33;
  showI32("1<<33", 1 << n);
  showHex("u<<36", u << (n + 3));
  let one: u32 = 1;
  showU32("1<<31", one << 31);
  showI32("i1<<31", 1 << (n - 2));
  let b: u8 = 0x80;
  showI32("u8<<24", b << 24);
  let c: i8 = -128;
  showI32("i8>>1", c >> 1);
  return 0;
}
