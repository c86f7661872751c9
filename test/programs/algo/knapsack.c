#include "lib/print.h"
static i32 best[51];
int main(void) {
  i32 w[6] = {10, 20, 30, 5, 15, 25}, v[6] = {60, 100, 120, 30, 70, 90};
  for (int i = 0; i < 6; i++) for (int c = 50; c >= w[i]; c--) { i32 cand = best[c - w[i]] + v[i]; if (cand > best[c]) best[c] = cand; }
  showI32("best50", best[50]); showI32("best25", best[25]); return 0;
}
