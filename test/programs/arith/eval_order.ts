// Operands and arguments are evaluated left to right.
import { print, showI32, newline } from "../lib/print";

function trace(label: string, v: i32): i32 {
  print(label);
  return v;
}

function three(a: i32, b: i32, c: i32): i32 {
  return a * 100 + b * 10 + c;
}

export function main(): i32 {
  const x = trace("a", 1) + trace("b", 2) * trace("c", 3);
  newline();
  showI32("x", x);
  const y = three(trace("1", 1), trace("2", 2), trace("3", 3));
  newline();
  showI32("y", y);
  let i: i32 = 1;
  const z = i + (i = 10) + i;
  showI32("z", z);
  const c = trace("L", 0) < trace("R", 1);
  newline();
  showI32("c", i32(c));
  return 0;
}
