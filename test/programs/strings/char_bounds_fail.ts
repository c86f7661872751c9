// charCodeAt past the end of a string fails its bounds check.
import { showI32 } from "../lib/print";

function at(s: string, i: i32): i32 {
  return s.charCodeAt(i);
}

export function main(): i32 {
  showI32("last", at("xyz", 2));
  showI32("past", at("xyz", 3));
  return 0;
}
