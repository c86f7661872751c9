// charCodeAt gives bytes (u8); literal indexes into literals fold to constants.
import { showI32, printChar, newline } from "../lib/print";

function upper(s: string): void {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    printChar(u8(c >= 97 && c <= 122 ? c - 32 : c));
  }
  newline();
}

export function main(): i32 {
  const A = "A".charCodeAt(0);
  showI32("A", A);
  showI32("newline", "\n".charCodeAt(0));
  upper("Paging: enabled!");
  let sum: i32 = 0;
  const digits = "0123456789";
  for (let i = 0; i < digits.length; i++) sum += digits.charCodeAt(i) - 48;
  showI32("sum", sum);
  return 0;
}
