#include "lib/print.h"
static u8 b[4]; static i8 c[4]; static u16 w[4]; static i16 h[4];
static void s(i32 v) { printI32(v); print(" "); }
static i32 f(i32 i) {
  i32 t = 0;
  if (b[i] == 255) t += 1;
  if (b[i] > 200) t += 2;
  if (b[i] < 128) t += 4;
  if (c[i] < -1) t += 8;
  if (c[i] >= 127) t += 16;
  if (c[i] == -128) t += 32;
  if (w[i] == 65535) t += 64;
  if (w[i] > 32768) t += 128;
  if (h[i] < -32767) t += 256;
  if (h[i] != -1) t += 512;
  if (b[i] <= 0) t += 1024;
  if (w[i] >= 1) t += 2048;
  return t;
}
int main(void) {
  b[0] = 255; b[1] = 200; b[2] = 0; b[3] = 128;
  c[0] = -128; c[1] = 127; c[2] = -1; c[3] = 0;
  w[0] = 65535; w[1] = 32768; w[2] = 0; w[3] = 32769;
  h[0] = -32768; h[1] = -1; h[2] = 32767; h[3] = 0;
  for (int i = 0; i < 4; i++) s(f(i));
  newline();
  return 0;
}
