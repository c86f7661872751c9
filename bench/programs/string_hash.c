/* FNV-1a hashes of 24 string literals (kernel messages and identifiers), read byte by
   byte, 3000 times with a different seed each round. A ts386 string knows its length;
   here each literal carries its length beside it, so neither twin scans for the NUL. */
#include "lib/report.h"

#define WORDS 24
struct Literal { i32 length; const char *bytes; };
#define LITERAL(s) { sizeof(s) - 1, s }
static struct Literal words[WORDS];

static const struct Literal literals[WORDS] = {
  LITERAL("kernel"),
  LITERAL("page fault at address"),
  LITERAL("general protection fault"),
  LITERAL("double fault"),
  LITERAL("invalid opcode"),
  LITERAL("Toyix"),
  LITERAL("timer interrupt"),
  LITERAL("keyboard"),
  LITERAL("serial port COM1 initialised"),
  LITERAL("identity paging enabled for the first 16 MiB"),
  LITERAL("multiboot"),
  LITERAL("a"),
  LITERAL("physical memory manager"),
  LITERAL("bitmap"),
  LITERAL("interrupt descriptor table loaded"),
  LITERAL("global descriptor table"),
  LITERAL("PIC remapped to vectors 32..47"),
  LITERAL("idle"),
  LITERAL("panic: index out of bounds"),
  LITERAL("the quick brown fox jumps over the lazy dog"),
  LITERAL("0123456789ABCDEF"),
  LITERAL("scancode set 1"),
  LITERAL("VGA text mode 80x25"),
  LITERAL(""),
};

/* The twin of initWords: the same 24 stores of (length, address). */
static void initWords(void) {
  for (i32 w = 0; w < WORDS; w++) words[w] = literals[w];
}

static u32 fnv1a(const struct Literal *s, u32 seed) {
  u32 hash = 2166136261u ^ seed;
  for (i32 i = 0; i < s->length; i++) {
    hash = (hash ^ (u8)s->bytes[i]) * 16777619u;
  }
  return hash;
}

BENCH_ENTRY u32 bench_run(void) {
  initWords();
  u32 checksum = 0;
  for (u32 round = 0; round < 3000; round++) {
    for (i32 w = 0; w < WORDS; w++) checksum = (checksum << 5) + (checksum >> 27) + fnv1a(&words[w], round);
  }
  return checksum;
}

int main(void) {
  report("string_hash", bench_run());
  return 0;
}
