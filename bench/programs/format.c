/* Number formatting into a buffer, as a kernel's printf does: unsigned decimal
   (division by 10) and 8-digit hex of 100000 values, the digits folded into a checksum. */
#include "lib/report.h"

static u8 text[32];

static i32 formatDecimal(u32 n) {
  i32 i = 32;
  do {
    i--;
    text[i] = (u8)(48 + n % 10);
    n = n / 10;
  } while (n != 0);
  return i;
}

static void formatHex(u32 n) {
  for (i32 i = 0; i < 8; i++) {
    u32 digit = (n >> (u32)(28 - 4 * i)) & 15;
    text[i] = (u8)(digit < 10 ? 48 + digit : 55 + digit);
  }
}

BENCH_ENTRY u32 bench_run(void) {
  u32 checksum = 0;
  u32 value = 1;
  for (i32 k = 0; k < 100000; k++) {
    value = value * 2654435761u + (u32)k;
    i32 first = formatDecimal(value >> (u32)(k & 31));
    for (i32 i = first; i < 32; i++) checksum = checksum * 31 + text[i];
    formatHex(value);
    for (i32 i = 0; i < 8; i++) checksum = checksum * 31 + text[i];
  }
  return checksum;
}

int main(void) {
  report("format", bench_run());
  return 0;
}
