// Named imports: functions, constants, enums and classes from another module.
import { showI32 } from "../lib/print";
import { SCALE, Box, Mode, callsSoFar, scaled } from "./helper";

const box = new Box();

function helper(x: i32): i32 {
  return x + 1;
}

export function main(): i32 {
  box.value = scaled(4) + helper(1);
  showI32("box", box.value);
  showI32("scale", SCALE);
  showI32("mode", Mode.On);
  scaled(1);
  showI32("calls", callsSoFar());
  return 0;
}
