#include "lib/print.h"
static u32 gcd(u32 a, u32 b) { return b == 0 ? a : gcd(b, a % b); }
static u32 gcdLoop(u32 a, u32 b) { while (b) { u32 t = b; b = a % b; a = t; } return a; }
int main(void) {
  showU32("gcd", gcd(1071, 462)); showU32("gcdLoop", gcdLoop(3918848, 1653264));
  u32 l = 1; for (u32 i = 2; i <= 20; i++) l = l / gcd(l, i) * i; showU32("lcm1..20", l);
  return 0;
}
