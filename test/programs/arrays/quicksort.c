#include "lib/print.h"
static i32 v[200];
static void swap(i32 i, i32 j) { i32 t = v[i]; v[i] = v[j]; v[j] = t; }
static void quicksort(i32 lo, i32 hi) { if (lo >= hi) return; i32 pivot = v[hi]; i32 p = lo; for (i32 i = lo; i < hi; i++) if (v[i] < pivot) { swap(i, p); p++; } swap(p, hi); quicksort(lo, p - 1); quicksort(p + 1, hi); }
int main(void) {
  u32 x = 7; for (int i = 0; i < 200; i++) { x ^= x << 13; x ^= x >> 17; x ^= x << 5; v[i] = (i32)(x % 1000); }
  quicksort(0, 199); int ok = 1; i32 w = 0; for (int i = 0; i < 200; i++) { if (i > 0 && v[i - 1] > v[i]) ok = 0; w += v[i] * (i + 1); }
  showBool("sorted", ok); showI32("min", v[0]); showI32("max", v[199]); showI32("weighted", w); return 0;
}
