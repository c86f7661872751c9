// A module-level function variable, initialised statically and reassigned.
import { println } from "../lib/print";

type Handler = (code: u32) => void;

function defaultHandler(code: u32): void {
  println(code == 0 ? "default: zero" : "default: nonzero");
}

function customHandler(code: u32): void {
  println(code == 14 ? "custom: page fault" : "custom: other");
}

let handler: Handler = defaultHandler;

function dispatch(code: u32): void {
  handler(code);
}

export function main(): i32 {
  dispatch(0);
  dispatch(14);
  handler = customHandler;
  dispatch(14);
  dispatch(3);
  return 0;
}
