// enum members are integer constants (0, 1, 2… unless given), usable as i32.
import { showI32, println } from "../lib/print";

enum Color { Red, Green, Blue }
enum Status { Ok = 0, NotFound = 404, Teapot = 418, Next }

function name(c: Color): string {
  if (c == Color.Red) return "red";
  if (c == Color.Green) return "green";
  return "blue";
}

export function main(): i32 {
  showI32("blue", Color.Blue);
  showI32("next", Status.Next);
  println(name(Color.Green));
  let c: Color = Color.Red;
  c = Color.Blue;
  println(name(c));
  showI32("sum", Status.NotFound + Status.Teapot);
  return 0;
}
