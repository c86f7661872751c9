// addressOf("...") is the address of the bytes, which are NUL-terminated for C callers.
import { showI32, showBool } from "../lib/print";

function cLength(p: usize): i32 {
  let n: i32 = 0;
  while (load<u8>(p + usize(n)) != 0) n++;
  return n;
}

export function main(): i32 {
  const s = "multiboot";
  const p = addressOf(s);
  showI32("strlen", cLength(p));
  showI32("first", load<u8>(p));
  showBool("same literal", addressOf("multiboot") == p);
  showI32("header", load<i32>(p - 4));
  sys_write(1, addressOf("raw write\n"), 10);
  return 0;
}
