// ts386-define: TOYIX_TRIGGER_TEST=1
// --define TOYIX_TRIGGER_TEST=1 turns the switch on; the other branch is removed.
import { println } from "../lib/print";

declare const TOYIX_TRIGGER_TEST: bool;

export function main(): i32 {
  if (TOYIX_TRIGGER_TEST) {
    println("Triggering test...");
    return 7;
  }
  println("normal boot");
  return 0;
}
