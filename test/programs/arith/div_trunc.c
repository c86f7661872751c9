#include "lib/print.h"
static void show(i32 a, i32 b) { showI32("q", a / b); showI32("r", a % b); }
int main(void) {
  show(7, 2); show(-7, 2); show(7, -2); show(-7, -2); show(-2147483647 - 1, 3);
  u32 big = 4000000000u; showU32("uq", big / 3); showU32("ur", big % 7);
  i32 m = -1; showU32("mixed", (u32)m / 2);
  return 0;
}
