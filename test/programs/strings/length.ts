// .length of literals (folded) and of string parameters (read from the string's header).
import { showI32 } from "../lib/print";

function len(s: string): i32 {
  return s.length;
}

export function main(): i32 {
  showI32("literal", "hello".length);
  showI32("param", len("Toyix kernel alive"));
  showI32("empty", len(""));
  const s = "abc";
  showI32("const", s.length * 2);
  return 0;
}
