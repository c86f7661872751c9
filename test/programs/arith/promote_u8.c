#include "lib/print.h"
int main(void) {
  u8 a = 200, b = 100; showI32("a+b", a + b); showI32("u8(a+b)", (u8)(a + b)); showI32("a-b-b-b", a - b - b - b);
  showI32("i8(a)", (i8)a);
  u16 w = 65535; showI32("w*w", (i32)((u32)w * w)); showI32("i16(w)", (i16)w);
  i16 s = -300; showI32("u16(s)", (u16)s); showI32("u8(s)", (u8)s); showI32("i8(s)", (i8)s);
  showI32("u8(true)", 1);
  return 0;
}
