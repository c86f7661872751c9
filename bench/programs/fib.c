/* Recursive Fibonacci: call overhead (frames, saved registers, argument passing). */
#include "lib/report.h"

static i32 fib(i32 n) {
  if (n < 2) return n;
  return fib(n - 1) + fib(n - 2);
}

BENCH_ENTRY u32 bench_run(void) {
  u32 sum = 0;
  for (i32 n = 20; n <= 27; n++) sum = sum * 31 + (u32)fib(n);
  return sum;
}

int main(void) {
  report("fib", bench_run());
  return 0;
}
