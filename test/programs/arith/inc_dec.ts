// Prefix ++/-- give the new value, postfix the old one.
import { showI32 } from "../lib/print";

let g: i32 = 10;

export function main(): i32 {
  let i: i32 = 5;
  showI32("i++", i++);
  showI32("i", i);
  showI32("++i", ++i);
  showI32("i--", i--);
  showI32("--i", --i);
  showI32("g++", g++);
  showI32("++g", ++g);
  showI32("g", g);
  let j: i32 = 1;
  const sum = j++ + j++ * 10 + j;
  showI32("sum", sum);
  return 0;
}
