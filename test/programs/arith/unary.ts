// Unary minus, complement, plus and logical not.
import { showI32, showU32, showBool } from "../lib/print";

export function main(): i32 {
  let a: i32 = 5;
  showI32("-a", -a);
  showI32("~a", ~a);
  showI32("+a", +a);
  showBool("!a", !a);
  let z: i32 = 0;
  showBool("!z", !z);
  let u: u32 = 1;
  showU32("-u", -u);
  showU32("~u", ~u);
  let b: u8 = 1;
  showI32("~b", ~b);
  showI32("-b", -b);
  showI32("--5", -(-5));
  showBool("!!a", !!a);
  return 0;
}
