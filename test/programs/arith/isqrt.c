#include "lib/print.h"
static u32 newton(u32 n) { if (n < 2) return n; u32 x = n, y = (x + 1) / 2; while (y < x) { x = y; y = (x + n / x) / 2; } return x; }
static u32 bitwise(u32 n) { u32 res = 0, bit = 1u << 30; while (bit > n) bit >>= 2; while (bit) { if (n >= res + bit) { n -= res + bit; res = (res >> 1) + bit; } else res >>= 1; bit >>= 2; } return res; }
int main(void) { u32 n = 17; for (u32 i = 0; i < 6; i++) { showU32("newton", newton(n)); showU32("bitwise", bitwise(n)); n = n * 37 + 11; } showU32("max", newton(4000000000u)); return 0; }
