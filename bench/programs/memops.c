/* memset / memcpy / memmove of 64 KiB buffers, written as loops in both languages
   (gcc gets -fno-tree-loop-distribute-patterns so it keeps them as loops rather than
   calling libc): memset and memcpy move 32-bit words, memmove moves bytes and handles
   overlap in both directions. Functions take addresses, as a kernel's would. */
#include "lib/report.h"

#define SIZE 65536
static u8 source[SIZE] __attribute__((aligned(4)));
static u8 target[SIZE] __attribute__((aligned(4)));

static void memsetWords(usize dst, u32 value, usize count) {
  for (usize i = 0; i < count; i++) *(u32 *)(dst + i * 4) = value;
}

static void memcpyWords(usize dst, usize src, usize count) {
  for (usize i = 0; i < count; i++) *(u32 *)(dst + i * 4) = *(u32 *)(src + i * 4);
}

static void memmoveBytes(usize dst, usize src, usize count) {
  if (dst < src) {
    for (usize i = 0; i < count; i++) *(u8 *)(dst + i) = *(u8 *)(src + i);
  } else {
    usize i = count;
    while (i > 0) {
      i--;
      *(u8 *)(dst + i) = *(u8 *)(src + i);
    }
  }
}

static u32 sumWords(usize buffer, usize count) {
  u32 sum = 0;
  for (usize i = 0; i < count; i++) sum = (sum << 3) + (sum >> 29) + *(u32 *)(buffer + i * 4);
  return sum;
}

BENCH_ENTRY u32 bench_run(void) {
  usize src = (usize)source;
  usize dst = (usize)target;
  u32 checksum = 0;
  for (u32 round = 0; round < 8; round++) {
    memsetWords(src, 0x01010101u * (round + 1), SIZE / 4);
    for (usize i = 0; i < SIZE; i += 251) *(u8 *)(src + i) = (u8)(i + round);
    memcpyWords(dst, src, SIZE / 4);
    memmoveBytes(dst + 3, dst, SIZE - 3);
    memmoveBytes(dst, dst + 5, SIZE - 5);
    checksum = checksum * 7 + sumWords(dst, SIZE / 4);
  }
  return checksum;
}

int main(void) {
  report("memops", bench_run());
  return 0;
}
