// Escape sequences become single bytes: \t \n \\ \" \xNN \0.
import { showI32, println } from "../lib/print";

export function main(): i32 {
  const s = "a\tb\\c\"d\x41\0e";
  showI32("len", s.length);
  for (let i = 0; i < s.length; i++) showI32("c", s.charCodeAt(i));
  println("tab:\there");
  return 0;
}
