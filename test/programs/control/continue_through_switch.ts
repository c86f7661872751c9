// continue inside a switch goes to the enclosing loop; break leaves only the switch.
import { print, newline } from "../lib/print";

export function main(): i32 {
  for (let i = 0; i < 6; i++) {
    switch (i % 3) {
      case 0:
        continue;
      case 1:
        print("one");
        break;
      default:
        print("two");
    }
    print(";");
  }
  newline();
  return 0;
}
