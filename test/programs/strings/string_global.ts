// A module-level string variable, reassigned at run time.
import { println, showI32 } from "../lib/print";

let status: string = "booting";

function setStatus(s: string): void {
  status = s;
}

export function main(): i32 {
  println(status);
  setStatus("running");
  println(status);
  showI32("len", status.length);
  return 0;
}
