/* The C twin of lib/report.ts: "NAME 0xXXXXXXXX\n" after bench_run, outside the measured part.
   BENCH_ENTRY keeps bench_run a real, uncloned function that callgrind can toggle on. */
#include <stdint.h>
#include <unistd.h>
typedef int8_t i8; typedef int16_t i16; typedef int32_t i32;
typedef uint8_t u8; typedef uint16_t u16; typedef uint32_t u32;
typedef uint32_t usize;

#define BENCH_ENTRY __attribute__((noinline, noclone, used))

static void report(const char *name, u32 checksum) {
  char line[80];
  int n = 0;
  for (int i = 0; name[i] != 0 && n < 60; i++) line[n++] = name[i];
  line[n] = ' '; line[n + 1] = '0'; line[n + 2] = 'x';
  n += 3;
  for (int i = 0; i < 8; i++) {
    u32 digit = (checksum >> (28 - 4 * i)) & 15;
    line[n++] = (char)(digit < 10 ? '0' + digit : 'A' + digit - 10);
  }
  line[n] = '\n';
  write(1, line, n + 1);
}
