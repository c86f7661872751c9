#include "lib/print.h"
/* C has no sequence points inside these expressions: each reassignment is spelled
   out where ts386's left-to-right order puts it. */
static u32 cells[8], input[3];
static u32 mix(u32 x, u32 y, u32 n) {
  u32 t = 0;
  for (int i = 0; i < 6; i++) {
    u32 q = x / y; y = y + 1; t += q + x % y;
    u32 l = x << (n & 31); n = n + 3; t ^= l | (x >> ((32 - n) & 31));
    u32 b = x >> (n & 31); n = n + 1; if ((b & 1) != 0) t += 7;
    u32 k = n & 7; u32 v = cells[k]; n = n + 5; cells[k] = v + n;
    u32 s = x << (n & 31); n = n ^ 9; t += s + n;
    x = x * 2654435761u + t;
  }
  return t + x + y + n;
}
int main(void) {
  input[0] = 0x12345678; input[1] = 7; input[2] = 4;
  printU32(mix(input[0], input[1], input[2])); newline();
  printU32(mix(input[1], input[2], input[0])); newline();
  for (int k = 0; k < 8; k++) { printU32(cells[k]); print(" "); }
  newline();
  return 0;
}
