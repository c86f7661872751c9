// A load from address 0 faults (SIGSEGV on Linux, a page fault in the kernel).
import { println, showI32 } from "../lib/print";

export function main(): i32 {
  println("reading null");
  const v = load<u32>(0);
  showI32("v", i32(v));
  return 0;
}
