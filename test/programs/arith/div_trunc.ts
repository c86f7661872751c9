// Division and remainder truncate toward zero; unsigned division is unsigned.
import { showI32, showU32 } from "../lib/print";

function show(a: i32, b: i32): void {
  showI32("q", a / b);
  showI32("r", a % b);
}

export function main(): i32 {
  show(7, 2);
  show(-7, 2);
  show(7, -2);
  show(-7, -2);
  show(-2147483648, 3);
  let big: u32 = 4000000000;
  showU32("uq", big / 3);
  showU32("ur", big % 7);
  let m: i32 = -1;
  showU32("mixed", u32(m) / 2);
  return 0;
}
