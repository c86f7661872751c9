#include "lib/print.h"
static u32 state = 2463534242u;
static u32 next(void) { u32 x = state; x ^= x << 13; x ^= x >> 17; x ^= x << 5; state = x; return x; }
static i32 buckets[4];
int main(void) { for (int i = 0; i < 5; i++) showHex("r", next()); for (int i = 0; i < 1000; i++) buckets[next() & 3]++; for (int i = 0; i < 4; i++) showI32("bucket", buckets[i]); return 0; }
