// A dense switch (a jump table): day names and a sum over all cases.
import { println, showI32 } from "../lib/print";

function dayName(d: i32): string {
  switch (d) {
    case 0: return "Sunday";
    case 1: return "Monday";
    case 2: return "Tuesday";
    case 3: return "Wednesday";
    case 4: return "Thursday";
    case 5: return "Friday";
    case 6: return "Saturday";
    default: return "?";
  }
}

function weight(d: i32): i32 {
  let w: i32 = 0;
  switch (d) {
    case 10: w = 1; break;
    case 11: w = 2; break;
    case 12: w = 4; break;
    case 13: w = 8; break;
    case 15: w = 16; break;
  }
  return w;
}

export function main(): i32 {
  for (let d = -1; d <= 7; d++) println(dayName(d));
  let s: i32 = 0;
  for (let d = 0; d < 20; d++) s += weight(d);
  showI32("weights", s);
  return 0;
}
