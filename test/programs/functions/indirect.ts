// Function references as values: passed, returned, stored in locals, called indirectly.
import { showI32 } from "../lib/print";

type Unary = (x: i32) => i32;

function double(x: i32): i32 { return x * 2; }
function square(x: i32): i32 { return x * x; }
function negate(x: i32): i32 { return -x; }

function pick(k: i32): Unary {
  if (k == 0) return double;
  if (k == 1) return square;
  return negate;
}

function apply(f: Unary, x: i32, times: i32): i32 {
  for (let i = 0; i < times; i++) x = f(x);
  return x;
}

export function main(): i32 {
  showI32("double^3", apply(double, 1, 3));
  showI32("square^2", apply(pick(1), 3, 2));
  const f = pick(2);
  showI32("negate", f(5));
  showI32("pick0", pick(0)(21));
  return 0;
}
