// Static initial values of every width (in .data), and zero-initialised ones (in .bss).
import { showI32, showHex, showBool } from "../lib/print";

let a: u8 = 0xAB;
let b: i8 = -2;
let c: u16 = 0xBEEF;
let d: i16 = -12345;
let e: u32 = 0xDEADBEEF;
let f: i32 = -123456789;
let g: bool = true;
let z: u32 = 0;
let n: i32 = 1 << 20;

export function main(): i32 {
  showHex("a", a);
  showI32("b", b);
  showHex("c", c);
  showI32("d", d);
  showHex("e", e);
  showI32("f", f);
  showBool("g", g);
  showHex("z", z);
  showI32("n", n);
  a++;
  showHex("a+1", a);
  return 0;
}
