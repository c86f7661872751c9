// Module-level variables keep their values between calls.
import { showI32, showU32 } from "../lib/print";

let ticks: u32 = 0;
let calls: i32 = 0;

function tick(): u32 {
  calls++;
  ticks += 10;
  return ticks;
}

export function main(): i32 {
  tick();
  tick();
  showU32("ticks", tick());
  showI32("calls", calls);
  return 0;
}
