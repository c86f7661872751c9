#include "lib/print.h"
int main(void) {
  u8 x = 250; x += 10; showI32("u8 250+10", x);
  i8 y = 127; y++; showI32("i8 127++", y);
  u16 z = 0; z--; showI32("u16 0--", z);
  i16 w = -32768; w -= 1; showI32("i16 min-1", w);
  u8 k = 3; k *= 100; showI32("u8 3*100", k);
  i8 s = -1; s >>= 1; showI32("i8 -1>>1", s);
  u8 t = 0xF0; t <<= 2; showI32("u8 f0<<2", t);
  return 0;
}
