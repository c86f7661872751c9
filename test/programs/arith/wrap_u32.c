#include "lib/print.h"
int main(void) {
  u32 a = 0xFFFFFFFF; a = a + 1; showU32("max+1", a);
  u32 b = 0; b = b - 1; showHex("0-1", b);
  u32 c = 0x80000000u; showU32("2^31*2", c * 2);
  u32 d = 123456789; showU32("d*d", d * d); showU32("d*1000", d * 1000);
  showHex("big", 0xDEADBEEFu + 0x21524111u);
  return 0;
}
