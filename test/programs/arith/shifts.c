#include "lib/print.h"
int main(void) {
  i32 s = -256; showI32("s>>4", s >> 4); showI32("s>>>28", (i32)((u32)s >> 28));
  u32 u = 0xFFFFFF00u; showHex("u>>4", u >> 4); showHex("u>>>4", u >> 4);
  i32 n = 33; showI32("1<<33", 1 << (n & 31)); showHex("u<<36", u << ((n + 3) & 31));
  u32 one = 1; showU32("1<<31", one << 31); showI32("i1<<31", (i32)(1u << (n - 2)));
  u8 b = 0x80; showI32("u8<<24", (i32)((u32)b << 24));
  i8 c = -128; showI32("i8>>1", c >> 1);
  return 0;
}
