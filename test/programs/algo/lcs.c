#include "lib/print.h"
static u16 dp[64 * 64];
static i32 lcs(const char *a, const char *b) { int n = strlen(a), m = strlen(b);
  for (int i = 0; i <= n; i++) for (int j = 0; j <= m; j++) { if (!i || !j) dp[i * 64 + j] = 0; else if (a[i - 1] == b[j - 1]) dp[i * 64 + j] = dp[(i - 1) * 64 + j - 1] + 1; else { u16 up = dp[(i - 1) * 64 + j], left = dp[i * 64 + j - 1]; dp[i * 64 + j] = up > left ? up : left; } }
  return dp[n * 64 + m]; }
int main(void) { showI32("lcs", lcs("ABCBDAB", "BDCABA")); showI32("lcs", lcs("AGGTAB", "GXTXAYB")); showI32("lcs", lcs("identity paging", "page fault handler")); return 0; }
