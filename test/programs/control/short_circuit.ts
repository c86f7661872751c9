// && and || evaluate their right operand only when needed.
import { print, newline, showBool } from "../lib/print";

function t(label: string): bool {
  print(label);
  return true;
}

function f(label: string): bool {
  print(label);
  return false;
}

export function main(): i32 {
  showBool(" and", f("a") && t("b"));
  showBool(" or", t("c") || f("d"));
  showBool(" mix", f("e") || (t("f") && f("g")) || t("h"));
  const v = t("i") && t("j");
  newline();
  showBool("v", v);
  let n: i32 = 0;
  if (n != 0 && 100 / n > 1) print("never");
  showBool("guard", n == 0 || 100 / n > 1);
  return 0;
}
