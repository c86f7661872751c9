/* Table-driven CRC-32 (IEEE, reflected): the table is built in the measured part,
   then 64 KiB of pseudo-random bytes are checksummed 8 times. */
#include "lib/report.h"

#define SIZE 65536
static u32 table[256];
static u8 data[SIZE];

static void buildTable(void) {
  for (i32 n = 0; n < 256; n++) {
    u32 c = (u32)n;
    for (i32 k = 0; k < 8; k++) {
      c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    }
    table[n] = c;
  }
}

static u32 crc32(i32 length) {
  u32 crc = 0xFFFFFFFFu;
  for (i32 i = 0; i < length; i++) {
    crc = table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
  }
  return ~crc;
}

BENCH_ENTRY u32 bench_run(void) {
  buildTable();
  u32 seed = 12345;
  for (i32 i = 0; i < SIZE; i++) {
    seed = seed * 1103515245u + 12345u;
    data[i] = (u8)(seed >> 16);
  }
  u32 checksum = 0;
  for (i32 round = 0; round < 8; round++) {
    data[round] = (u8)round;
    checksum = (checksum << 1) ^ crc32(SIZE);
  }
  return checksum;
}

int main(void) {
  report("crc32", bench_run());
  return 0;
}
