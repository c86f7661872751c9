#include "lib/print.h"
int main(void) {
  volatile i32 max = 2147483647; showI32("max+1", max + 1);
  volatile i32 min = -2147483647 - 1; showI32("min-1", min - 1);
  showI32("-min", -min); showI32("min*-1", min * -1); showI32("max*max", max * max);
  volatile i32 x = 46341; showI32("x*x", x * x);
  return 0;
}
