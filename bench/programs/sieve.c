/* Sieve of Eratosthenes over 1 Mi bytes: byte stores with a variable stride. */
#include "lib/report.h"

#define LIMIT 1048576
static u8 composite[LIMIT];

BENCH_ENTRY u32 bench_run(void) {
  u32 checksum = 0;
  for (i32 round = 0; round < 2; round++) {
    for (i32 i = 0; i < LIMIT; i++) composite[i] = 0;
    for (i32 i = 2; i * i < LIMIT; i++) {
      if (composite[i] == 0) {
        for (i32 j = i * i; j < LIMIT; j += i) composite[j] = 1;
      }
    }
    u32 count = 0;
    u32 sum = 0;
    for (i32 i = 2; i < LIMIT; i++) {
      if (composite[i] == 0) {
        count++;
        sum += (u32)i;
      }
    }
    checksum = checksum * 31 + (count ^ sum);
  }
  return checksum;
}

int main(void) {
  report("sieve", bench_run());
  return 0;
}
