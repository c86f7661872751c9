// import * as ns: module members reached through the namespace.
import * as print from "../lib/print";
import * as h from "./helper";

export function main(): i32 {
  print.showI32("scaled", h.scaled(7));
  print.showI32("scale", h.SCALE * 2);
  print.showI32("mode", h.Mode.Off);
  return 0;
}
