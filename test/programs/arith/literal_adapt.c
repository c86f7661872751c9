#include "lib/print.h"
int main(void) {
  u32 big = 3000000000u; showU32("big", big); showU32("big+1", big + 1);
  u32 addr = 0x00123456; showHex("masked", addr & 0xFFFFF000u);
  u8 b = 255; showI32("b", b); i32 s = 1000; showI32("s-2000", s - 2000); u16 h = 60000; showI32("h", h);
  showHex("shift", 1u << 31);
  return 0;
}
