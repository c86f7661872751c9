// Day of the week by Zeller's congruence, and leap years.
import { println, showBool } from "../lib/print";

function dayOfWeek(y: i32, m: i32, d: i32): i32 {
  if (m < 3) {
    m += 12;
    y -= 1;
  }
  const k = y % 100;
  const j = y / 100;
  const h = (d + (13 * (m + 1)) / 5 + k + k / 4 + j / 4 + 5 * j) % 7;
  return (h + 6) % 7;
}

function isLeap(y: i32): bool {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

function name(d: i32): string {
  switch (d) {
    case 0: return "Sunday";
    case 1: return "Monday";
    case 2: return "Tuesday";
    case 3: return "Wednesday";
    case 4: return "Thursday";
    case 5: return "Friday";
    default: return "Saturday";
  }
}

export function main(): i32 {
  println(name(dayOfWeek(1969, 7, 20)));
  println(name(dayOfWeek(2000, 1, 1)));
  println(name(dayOfWeek(2026, 11, 26)));
  showBool("1900", isLeap(1900));
  showBool("2000", isLeap(2000));
  showBool("2024", isLeap(2024));
  return 0;
}
