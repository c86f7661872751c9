#include "lib/print.h"
static i32 a[16];
static i32 opq[1];
static i32 o(i32 x) { opq[0] = x; return opq[0]; }
static void s(i32 v) { printI32(v); print(" "); }
/* Counts mod 32, as the language takes them. */
static i32 shl(i32 x, i32 n) { return (i32)((u32)x << (n & 31)); }
static i32 sar(i32 x, i32 n) { return x >> (n & 31); }
static i32 shr(i32 x, i32 n) { return (i32)((u32)x >> (n & 31)); }
static u32 ushl(u32 x, u32 n) { return x << (n & 31); }
static u32 ushr(u32 x, u32 n) { return x >> (n & 31); }
static i32 h1(i32 x, i32 n) {
  i32 t = 0;
  for (i32 i = 0; i < 16; i++) { i32 k = n + i; t += shl(x, k) ^ shr(x, k) ^ sar(a[i], k); t += k; }
  return t;
}
static i32 h2(i32 x, i32 n) {
  i32 c = n, t = 0;
  for (i32 i = 0; i < 10; i++) { t ^= shl(x, c); c = c + 3; t += sar(x, c); t += c / 3; t += shr(t, c) % 7; }
  return t + c;
}
static u32 h3(u32 x, u32 n) {
  u32 c = n, t = 0;
  for (u32 i = 0; i < 12; i++) {
    t = t + ushr(x, c) + ushl(c, c) + (x / 10) * (t % 641) + ushr(c, x);
    x = (x << 5) | (x >> 27);
    c = c ^ (t & 7);
  }
  return t + c + x;
}
static i32 h4(i32 x, i32 y, i32 z, i32 w) {
  i32 p = shl(x, y), q = shl(y, z), r = shl(z, w), s2 = shl(w, x);
  i32 p2 = sar(x, w), q2 = shr(y, x), r2 = z / 7, s3 = w % 10;
  i32 u = sar(x * y, z & 31), v = shl(y * z, w & 31);
  return p + q * 3 + r * 5 + s2 * 7 + p2 * 11 + q2 * 13 + r2 * 17 + s3 * 19 + u * 23 + v * 29 + x + y + z + w;
}
static i32 h5(i32 n) {
  i32 t = shr(n, n);
  t += shl(n, n);
  t += sar(n, n & 31);
  t += shl(n, 3) | shr(n, 29);
  return t + n;
}
static i32 h6(i32 x, i32 n) {
  i32 t = 0, c = n;
  while (c < 40) { t += shr(x, c); t += shl(x, c); c += 5; if ((t & 1) == 0) c += 1; }
  return t + c;
}
int main(void) {
  for (i32 i = 0; i < 16; i++) a[i] = i * -123457 + 77;
  s(h1(o(0x1234567), o(3))); s(h1(o(-5), o(30))); newline();
  s(h2(o(0x1234567), o(1))); s(h2(o(-5), o(29))); newline();
  printU32(h3((u32)o(0x1234567), (u32)o(3))); print(" "); printU32(h3((u32)o(-7), (u32)o(31))); newline();
  s(h4(o(3), o(4), o(5), o(6))); s(h4(o(-3), o(33), o(-5), o(100))); newline();
  s(h5(o(3))); s(h5(o(-1))); s(h5(o(31))); s(h5(o(32))); s(h5(o(0x7fffffff))); newline();
  s(h6(o(0x1234567), o(0))); s(h6(o(-7), o(13))); newline();
  return 0;
}
