// Comparing strings byte by byte (== on strings is rejected: it would compare addresses).
import { showI32, showBool } from "../lib/print";

function compare(a: string, b: string): i32 {
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d != 0) return d;
  }
  return a.length - b.length;
}

function equals(a: string, b: string): bool {
  return compare(a, b) == 0;
}

export function main(): i32 {
  showI32("abc/abd", compare("abc", "abd"));
  showI32("b/a", compare("b", "a"));
  showI32("ab/abc", compare("ab", "abc"));
  showBool("eq", equals("kernel", "kernel"));
  showBool("ne", equals("kernel", "Kernel"));
  return 0;
}
