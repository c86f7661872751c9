// The Ackermann function (deep, non-primitive recursion) for small arguments.
import { showU32 } from "../lib/print";

function ack(m: u32, n: u32): u32 {
  if (m == 0) return n + 1;
  if (n == 0) return ack(m - 1, 1);
  return ack(m - 1, ack(m, n - 1));
}

export function main(): i32 {
  showU32("ack(1,2)", ack(1, 2));
  showU32("ack(2,3)", ack(2, 3));
  showU32("ack(3,3)", ack(3, 3));
  return 0;
}
