// Longest common subsequence length of two strings (dynamic programming in a flat table).
import { showI32 } from "../lib/print";

const W = 64;
const dp = new StaticArray<u16>(W * W);

function lcs(a: string, b: string): i32 {
  for (let i = 0; i <= a.length; i++) {
    for (let j = 0; j <= b.length; j++) {
      if (i == 0 || j == 0) dp[i * W + j] = 0;
      else if (a.charCodeAt(i - 1) == b.charCodeAt(j - 1)) dp[i * W + j] = u16(dp[(i - 1) * W + j - 1] + 1);
      else {
        const up = dp[(i - 1) * W + j];
        const left = dp[i * W + j - 1];
        dp[i * W + j] = up > left ? up : left;
      }
    }
  }
  return dp[a.length * W + b.length];
}

export function main(): i32 {
  showI32("lcs", lcs("ABCBDAB", "BDCABA"));
  showI32("lcs", lcs("AGGTAB", "GXTXAYB"));
  showI32("lcs", lcs("identity paging", "page fault handler"));
  return 0;
}
