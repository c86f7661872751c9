#include "lib/print.h"
static i32 xs[12];
static void s(i32 v) { printI32(v); print(" "); }
static void u(u32 v) { printU32(v); print(" "); }
static void sgn(i32 x) {
  s(x / 1); s(x % 1); s(x / 2); s(x % 2); s(x / -2); s(x % -2); s(x / 3); s(x % 3); s(x / -3); s(x % -3);
  s(x / 7); s(x % 7); s(x / 10); s(x % 10); s(x / -10); s(x % -10); s(x / 641); s(x % 641);
  s(x / 1024); s(x % 1024); s(x / -1024); s(x % -1024); s(x / 2147483647); s(x % 2147483647);
  s(x / -2147483647); s(x / (i32)0x80000000u); s(x % (i32)0x80000000u); s(x / 1000000007); s(x % -1000000007);
  if (x != (i32)0x80000000u) { s(x / -1); s(x % -1); }
  newline();
}
static void uns(u32 y) {
  u(y / 1); u(y % 1); u(y / 2); u(y % 2); u(y / 3); u(y % 3); u(y / 6); u(y % 6); u(y / 7); u(y % 7);
  u(y / 10); u(y % 10); u(y / 12); u(y % 12); u(y / 641); u(y % 641); u(y / 4096); u(y % 4096);
  u(y / 0x7FFFFFFFu); u(y % 0x7FFFFFFFu); u(y / 0x80000000u); u(y % 0x80000000u); u(y / 0x80000001u); u(y % 0x80000001u);
  u(y / 0xFFFFFFFEu); u(y % 0xFFFFFFFEu); u(y / 0xFFFFFFFFu); u(y % 0xFFFFFFFFu); u(y / 1000000007u); u(y % 1000000007u);
  newline();
}
static void nar(i32 x) {
  u8 b = (u8)x; i8 c = (i8)x; u16 d = (u16)x; i16 e = (i16)x;
  s(b / 3); s(b % 3); s(b / -3); s(b % -7); s(c / 3); s(c % 3); s(c / -3); s(c % -7); s(c / 128); s(c / -128);
  s(d / 10); s(d % 10); s(d / -10); s(e / 10); s(e % 10); s(e / -10); s(e / 32768); s(e % -32768);
  u((u32)d / 641); u((u32)b % 7);
  newline();
}
static void together(i32 x, i32 y) {
  if (y != 0 && (y != -1 || x != (i32)0x80000000u)) { s(x / y); s(x % y); }
  if (y != 0) { u((u32)x / (u32)y); u((u32)x % (u32)y); }
  newline();
}
int main(void) {
  xs[0] = 0; xs[1] = 1; xs[2] = -1; xs[3] = 7; xs[4] = -7; xs[5] = 2147483647; xs[6] = (i32)0x80000000u;
  xs[7] = -2147483647; xs[8] = 1000000007; xs[9] = -999999999; xs[10] = 641; xs[11] = -65536;
  for (int i = 0; i < 12; i++) { sgn(xs[i]); uns((u32)xs[i]); nar(xs[i]); together(xs[i], xs[(i + 5) % 12]); }
  return 0;
}
