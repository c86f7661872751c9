#include "lib/print.h"
static i32 popcount(u32 x) { i32 n = 0; while (x) { x &= x - 1; n++; } return n; }
static u32 reverse(u32 x) { u32 r = 0; for (int i = 0; i < 32; i++) { r = (r << 1) | (x & 1); x >>= 1; } return r; }
static u32 rotl(u32 x, u32 n) { return (x << n) | (x >> (32 - n)); }
int main(void) {
  showI32("pop", popcount(0xF0F0F0F0u)); showI32("pop0", popcount(0)); showI32("popmax", popcount(0xFFFFFFFFu));
  showHex("rev", reverse(1)); showHex("rev2", reverse(0x12345678)); showHex("rotl", rotl(0x80000001u, 4));
  u32 v = 0xA0; showHex("lowbit", v & (~v + 1)); showHex("xor", 0x5555AAAAu ^ 0xFFFF0000u);
  return 0;
}
