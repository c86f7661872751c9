// Exported functions are global cdecl symbols; they can also be called and referenced from TS.
import { showI32 } from "../lib/print";

export function kernel_add(a: i32, b: i32): i32 {
  return a + b;
}

export function kernel_apply(f: (a: i32, b: i32) => i32, x: i32): i32 {
  return f(x, x);
}

export function main(): i32 {
  showI32("add", kernel_add(40, 2));
  showI32("apply", kernel_apply(kernel_add, 21));
  return 0;
}
