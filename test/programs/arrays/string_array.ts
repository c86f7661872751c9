// A StaticArray of strings (references to literals in .rodata).
import { println, showI32 } from "../lib/print";

const names = new StaticArray<string>(4);

export function main(): i32 {
  names[0] = "Divide-by-zero";
  names[1] = "Debug";
  names[2] = "NMI";
  names[3] = "Breakpoint";
  let total: i32 = 0;
  for (let i = 0; i < names.length; i++) {
    println(names[i]);
    total += names[i].length;
  }
  showI32("total", total);
  return 0;
}
