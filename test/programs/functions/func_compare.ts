// Function references compare by address; addressOf(f) and changetype<F>(address) round-trip.
import { showBool, showI32 } from "../lib/print";

type F = () => i32;

function one(): i32 { return 1; }
function two(): i32 { return 2; }

export function main(): i32 {
  let f: F = one;
  showBool("f==one", f == one);
  showBool("f==two", f == two);
  const addr = addressOf(two);
  f = changetype<F>(addr);
  showI32("call", f());
  showBool("now two", f == two);
  return 0;
}
