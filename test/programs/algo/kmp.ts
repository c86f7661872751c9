// Knuth-Morris-Pratt substring search: every occurrence of a pattern.
import { showI32 } from "../lib/print";

const failure = new StaticArray<i32>(32);

function search(text: string, pattern: string): i32 {
  failure[0] = 0;
  let k: i32 = 0;
  for (let i = 1; i < pattern.length; i++) {
    while (k > 0 && pattern.charCodeAt(i) != pattern.charCodeAt(k)) k = failure[k - 1];
    if (pattern.charCodeAt(i) == pattern.charCodeAt(k)) k++;
    failure[i] = k;
  }
  let found: i32 = 0;
  let q: i32 = 0;
  for (let i = 0; i < text.length; i++) {
    while (q > 0 && text.charCodeAt(i) != pattern.charCodeAt(q)) q = failure[q - 1];
    if (text.charCodeAt(i) == pattern.charCodeAt(q)) q++;
    if (q == pattern.length) {
      showI32("at", i - q + 1);
      found++;
      q = failure[q - 1];
    }
  }
  return found;
}

export function main(): i32 {
  showI32("found", search("abababcabababcab", "ababc"));
  showI32("found", search("aaaaa", "aa"));
  showI32("found", search("paging", "fault"));
  return 0;
}
