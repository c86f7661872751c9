#include "lib/print.h"
static i32 a[64];
static u8 b8[300];
static i16 h16[64];
static i32 g = 0;
static void s(i32 v) { printI32(v); print(" "); }
static void init(void) {
  for (i32 i = 0; i < 64; i++) a[i] = i * 7 - 100;
  for (i32 i = 0; i < 300; i++) b8[i] = (u8)(i * 13);
  for (i32 i = 0; i < 64; i++) h16[i] = (i16)(i * 1000 - 20000);
}
static i32 sumRange(i32 lo, i32 hi) { i32 t = 0; for (i32 i = lo; i < hi; i++) t += a[i]; return t; }
static i32 sumRangeU(u32 lo, u32 hi) { i32 t = 0; for (u32 i = lo; i < hi; i++) t += a[i]; return t; }
static i32 sumStep(i32 lo) { i32 t = 0; for (i32 i = lo; i < 60; i += 3) t += a[i] + i; return t; }
static i32 writesBound(i32 n) { i32 t = 0; for (i32 i = 0; i < n; i++) { t += a[i]; if (i == 5) n = n - 3; } return t * 100 + n; }
static i32 counterAfter(i32 n) { i32 i = 0; for (; i < n; i++) { if (a[i] > 50) break; } return i; }
static i32 counterStored(i32 n) { i32 t = 0; for (i32 i = 2; i < n; i++) { g = i; t += a[i - 2]; } return t + g; }
static i32 contLoop(i32 n) { i32 t = 0; for (i32 i = 0; i < n; i++) { if ((a[i] & 1) == 0) continue; t += a[i + 1]; } return t; }
static i32 nested(i32 n) { i32 t = 0; for (i32 i = 0; i < n; i++) for (i32 j = i; j < n; j++) t += a[j] - a[i]; return t; }
static i32 downLoop(i32 n) { i32 t = 0; for (i32 i = n - 1; i >= 0; i--) t = t * 3 + a[i]; return t; }
static i32 u8Counter(void) { i32 t = 0, k = 0; for (u8 i = 250; i != 4; i++) { t += b8[i]; k++; } return t * 1000 + k; }
static i32 u8Bound(u8 n) { i32 t = 0; for (u8 i = 0; i < n; i++) t += b8[i] + (i32)i; return t; }
static i32 i8Counter(void) { i32 t = 0; for (i8 i = -5; i < 20; i++) t += a[(i32)i + 5] * (i32)i; return t; }
static i32 derived(i32 n) { i32 t = 0; for (i32 i = 0; i < n; i++) { t += a[63 - 3 * i] ^ (28 - 4 * i); t += (i32)h16[2 * i + 1]; } return t; }
static i32 derivedAfter(i32 n) { i32 t = 0, x = 0; for (i32 i = 0; i < n; i++) { x = 5 * i + 3; t += a[x % 64]; } return t + x; }
static i32 startPast(i32 lo) { i32 t = 0; for (i32 i = lo; i < 10; i++) t += a[i]; return t; }
static i32 bytes(i32 dst, i32 src, i32 n) {
  for (i32 i = 0; i < n; i++) b8[dst + i] = b8[src + i];
  i32 t = 0; for (i32 i = 0; i < 300; i++) t = t * 31 + (i32)b8[i]; return t;
}
static i32 whileLen(i32 n) { i32 i = 0, t = 0; while (i < 64) { if (i >= n) break; t += a[i]; i += 2; } return t; }
static i32 doWhile(i32 n) { i32 i = 0, t = 0; do { t += a[i]; i++; } while (i < n); return t; }
static i32 latchValue(i32 n) { i32 t = 0; for (i32 i = 0; i < n; i++) t += i * i + a[i]; return t; }
static i32 boundNegative(i32 lo, i32 hi) { i32 t = 0; for (i32 i = lo; i < hi; i++) t += a[i + 40]; return t; }
static i32 uBig(u32 lo) { i32 t = 0; for (u32 i = lo; i < 0xFFFFFFFFu; i++) { t++; } return t; }
static i32 uBigT(u32 lo, u32 hi) { i32 t = 0; for (u32 i = lo; i < hi; i++) { t += (i32)i; } return t; }
static i32 sTop(i32 lo) { i32 t = 0; for (i32 i = lo; i < 2147483647; i++) { t += i; } return t; }
int main(void) {
  init();
  s(sumRange(0, 64)); s(sumRange(10, 20)); s(sumRange(20, 10)); s(sumRange(5, 5)); s(sumRange(63, 64)); newline();
  s(sumRangeU(0, 64)); s(sumRangeU(10, 20)); s(sumRangeU(20, 10)); newline();
  s(sumStep(0)); s(sumStep(1)); s(sumStep(59)); s(sumStep(60)); s(sumStep(100)); newline();
  s(writesBound(20)); s(writesBound(3)); s(writesBound(7)); newline();
  s(counterAfter(64)); s(counterAfter(10)); s(counterAfter(0)); newline();
  s(counterStored(10)); s(counterStored(2)); s(counterStored(0)); newline();
  s(contLoop(63)); s(contLoop(0)); newline();
  s(nested(10)); s(nested(1)); s(nested(0)); newline();
  s(downLoop(64)); s(downLoop(0)); newline();
  s(u8Counter()); s(u8Bound(255)); s(u8Bound(0)); s(u8Bound(17)); newline();
  s(i8Counter()); newline();
  s(derived(16)); s(derived(0)); s(derived(1)); s(derivedAfter(30)); s(derivedAfter(0)); newline();
  s(startPast(0)); s(startPast(9)); s(startPast(10)); s(startPast(11)); newline();
  s(bytes(1, 0, 50)); s(bytes(0, 1, 50)); s(bytes(100, 50, 0)); newline();
  s(whileLen(64)); s(whileLen(7)); s(whileLen(0)); newline();
  s(doWhile(1)); s(doWhile(0)); s(doWhile(-5)); s(doWhile(10)); newline();
  s(latchValue(64)); s(latchValue(3)); newline();
  s(boundNegative(-40, -10)); s(boundNegative(-40, 23)); s(boundNegative(-10, -40)); newline();
  s(uBig(0xFFFFFFF0u)); s(uBig(0xFFFFFFFFu)); s(uBigT(0xFFFFFFF0u, 0xFFFFFFFFu)); s(uBigT(0x7FFFFFF0u, 0x80000004u)); s(uBigT(5, 3)); newline();
  s(sTop(2147483640)); s(sTop(2147483647)); newline();
  return 0;
}
