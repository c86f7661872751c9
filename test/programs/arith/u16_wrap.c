#include "lib/print.h"
static u16 checksum16(u16 seed, i32 n) { u16 sum = seed; for (i32 i = 0; i < n; i++) sum = (u16)(sum + i * 4099); return sum; }
int main(void) {
  showI32("cs", checksum16(12345, 100));
  i16 a = 30000, b = 30000; showI32("a+b", a + b); showI32("i16(a+b)", (i16)(a + b));
  u16 c = 40000; showI32("c*2", c * 2); showI32("u16(c*2)", (u16)(c * 2));
  return 0;
}
