#include "lib/print.h"
static u32 steps(u32 n) { u32 c = 0; while (n != 1) { n = (n & 1) == 0 ? n / 2 : 3 * n + 1; c++; } return c; }
int main(void) {
  u32 best = 0, arg = 0;
  for (u32 i = 1; i < 10000; i++) { u32 s = steps(i); if (s > best) { best = s; arg = i; } }
  showU32("n", arg); showU32("steps", best); return (i32)(best % 256);
}
