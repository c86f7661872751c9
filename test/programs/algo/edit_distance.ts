// Levenshtein distance with two rolling rows.
import { showI32 } from "../lib/print";

const prev = new StaticArray<i32>(64);
const cur = new StaticArray<i32>(64);

function min3(a: i32, b: i32, c: i32): i32 {
  const m = a < b ? a : b;
  return m < c ? m : c;
}

function distance(a: string, b: string): i32 {
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) == b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = min3(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    for (let j = 0; j <= b.length; j++) prev[j] = cur[j];
  }
  return prev[b.length];
}

export function main(): i32 {
  showI32("kitten", distance("kitten", "sitting"));
  showI32("flaw", distance("flaw", "lawn"));
  showI32("same", distance("toyix", "toyix"));
  showI32("empty", distance("", "abc"));
  return 0;
}
