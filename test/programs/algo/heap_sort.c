#include "lib/print.h"
static i32 xs[64];
static void siftDown(i32 start, i32 end) { i32 root = start; while (2 * root + 1 <= end) { i32 child = 2 * root + 1; if (child + 1 <= end && xs[child] < xs[child + 1]) child++; if (xs[root] >= xs[child]) return; i32 t = xs[root]; xs[root] = xs[child]; xs[child] = t; root = child; } }
int main(void) { u32 seed = 42; for (int i = 0; i < 64; i++) { seed = seed * 1664525u + 1013904223u; xs[i] = (i32)(seed >> 8) % 10000 - 5000; }
  for (i32 s = (64 - 2) / 2; s >= 0; s--) siftDown(s, 63); for (i32 e = 63; e > 0; e--) { i32 t = xs[0]; xs[0] = xs[e]; xs[e] = t; siftDown(0, e - 1); }
  int ok = 1; for (int i = 1; i < 64; i++) if (xs[i - 1] > xs[i]) ok = 0; showBool("sorted", ok); showI32("min", xs[0]); showI32("median", xs[32]); showI32("max", xs[63]); return 0; }
