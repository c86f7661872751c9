#include "lib/print.h"
static i32 xs[8], counts[9];
static i8 bytes[4];
static u16 halves[4];
static void s(i32 v) { printI32(v); print(" "); }
static void u(u32 v) { printU32(v); print(" "); }
/* The language takes counts mod 32 (C leaves counts >= 32 undefined). */
static i32 shl(i32 x, i32 n) { return (i32)((u32)x << (n & 31)); }
static i32 sar(i32 x, i32 n) { return x >> (n & 31); }
static i32 shr(i32 x, i32 n) { return (i32)((u32)x >> (n & 31)); }
static u32 rol(u32 x, u32 k) { return (x << (k & 31)) | (x >> ((32 - k) & 31)); }
static i32 live(i32 x, i32 n) {
  i32 a = shl(x, n), b = sar(x, n & 31), c = shr(x, n & 63), d = shl(n, x);
  return a ^ (b * 3) ^ (c * 5) ^ (d * 7) ^ n ^ shr(x, x) ^ sar(n, n);
}
int main(void) {
  xs[0] = 1; xs[1] = -1; xs[2] = 0x12345678; xs[3] = (i32)0x80000000u; xs[4] = 0x7fffffff; xs[5] = 31; xs[6] = 32; xs[7] = -33;
  counts[0] = 0; counts[1] = 1; counts[2] = 31; counts[3] = 32; counts[4] = 33; counts[5] = -1; counts[6] = 63; counts[7] = 64; counts[8] = 100;
  for (int i = 0; i < 8; i++) {
    i32 x = xs[i];
    for (int j = 0; j < 9; j++) {
      i32 n = counts[j];
      s(shl(x, n)); s(sar(x, n)); s(shr(x, n)); s(shl(x, n & 31)); u((u32)x >> (n & 31)); u(rol((u32)x, (u32)n)); s(live(x, n));
    }
    newline();
    s(shr(x, x)); s(shl(x, x)); s(sar(x, x));
    u(rol((u32)x, 0)); u(rol((u32)x, 32)); u(((u32)x << 3) + ((u32)x >> 29)); u(((u32)x << 7) ^ ((u32)x >> 25));
    for (int k = 0; k < 4; k++) {
      bytes[k] = (i8)sar(x, 8 * k);
      bytes[k] = (i8)shr(bytes[k], counts[k + 1]);
      halves[k] = (u16)shr(x, 8 * k);
      halves[k] = (u16)shl(halves[k], counts[k + 4]);
      halves[k] = (u16)(halves[k] >> 3);
      s(bytes[k]); s(halves[k]);
    }
    newline();
  }
  return 0;
}
