#include "lib/print.h"
int main(void) {
  i32 a = 1000; a += 234; showI32("+=", a); a -= 2000; showI32("-=", a); a *= 3; showI32("*=", a); a /= 7; showI32("/=", a);
  a %= 100; showI32("%=", a); a <<= 4; showI32("<<=", a); a >>= 2; showI32(">>=", a); a = (i32)((u32)a >> 28); showI32(">>>=", a);
  a |= 0x100; showI32("|=", a); a &= 0x1F0; showI32("&=", a); a ^= 0xFF; showI32("^=", a);
  u32 u = 7; u -= 10; showU32("u-=", u); u /= 3; showU32("u/=", u); u %= 1000; showU32("u%=", u); u >>= 1; showU32("u>>=", u);
  return 0;
}
