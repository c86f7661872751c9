// 0/1 knapsack by dynamic programming over capacities.
import { showI32 } from "../lib/print";

const CAP = 50;
const best = new StaticArray<i32>(CAP + 1);
const weights = new StaticArray<i32>(6);
const values = new StaticArray<i32>(6);

export function main(): i32 {
  const w = "\x0a\x14\x1e\x05\x0f\x19";
  const v = "\x3c\x64\x78\x1e\x46\x5a";
  for (let i = 0; i < 6; i++) {
    weights[i] = w.charCodeAt(i);
    values[i] = v.charCodeAt(i);
  }
  for (let i = 0; i < weights.length; i++) {
    for (let c = CAP; c >= weights[i]; c--) {
      const candidate = best[c - weights[i]] + values[i];
      if (candidate > best[c]) best[c] = candidate;
    }
  }
  showI32("best50", best[CAP]);
  showI32("best25", best[25]);
  return 0;
}
