// Literal + literal (also through constants) is concatenated at compile time.
import { println, showI32 } from "../lib/print";

const PREFIX = "Toyix";
const BANNER = PREFIX + " kernel" + " alive";

export function main(): i32 {
  println(BANNER);
  println(PREFIX + ": " + "paging on");
  showI32("len", BANNER.length);
  return 0;
}
