// `declare const NAME: bool` is false when --define does not set it: the dead branch is not compiled.
import { println } from "../lib/print";

declare const TOYIX_DEBUG: bool;

export function main(): i32 {
  println("start");
  if (TOYIX_DEBUG) {
    println("debug output");
  } else {
    println("quiet");
  }
  if (!TOYIX_DEBUG && true) println("release");
  return TOYIX_DEBUG ? 1 : 0;
}
