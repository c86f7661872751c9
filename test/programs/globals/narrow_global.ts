// Narrow globals wrap in their type when incremented.
import { showI32 } from "../lib/print";

let counter: u8 = 250;
let level: i8 = 125;

export function main(): i32 {
  for (let i = 0; i < 10; i++) {
    counter++;
    level++;
  }
  showI32("counter", counter);
  showI32("level", level);
  return 0;
}
