// FizzBuzz 1..20 on one line.
import { print, printI32, newline } from "../lib/print";

export function main(): i32 {
  for (let i = 1; i <= 20; i++) {
    if (i % 15 == 0) print("FizzBuzz");
    else if (i % 3 == 0) print("Fizz");
    else if (i % 5 == 0) print("Buzz");
    else printI32(i);
    print(i < 20 ? "," : "");
  }
  newline();
  return 0;
}
