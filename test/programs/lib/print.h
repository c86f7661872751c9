/* The C twin of lib/print.ts: the same output for the same calls, so a test
   program's NAME.c twin compiled by gcc -m32 checks NAME.expected independently. */
#include <stdint.h>
#include <unistd.h>
#include <string.h>
typedef int8_t i8; typedef int16_t i16; typedef int32_t i32;
typedef uint8_t u8; typedef uint16_t u16; typedef uint32_t u32;
typedef int32_t isize; typedef uint32_t usize; typedef int bool_t;
static void print(const char *s) { write(1, s, strlen(s)); }
static void newline(void) { write(1, "\n", 1); }
static void println(const char *s) { print(s); newline(); }
static void printChar(u8 c) { write(1, &c, 1); }
static void printU32(u32 n) { char b[16]; int i = 16; do { b[--i] = (char)('0' + n % 10); n /= 10; } while (n); write(1, b + i, 16 - i); }
static void printI32(i32 n) { if (n < 0) { printChar('-'); printU32(0u - (u32)n); } else printU32((u32)n); }
static void printHex(u32 n) { char b[10]; b[0] = '0'; b[1] = 'x'; for (int i = 0; i < 8; i++) { u32 d = (n >> (28 - 4 * i)) & 15; b[2 + i] = (char)(d < 10 ? '0' + d : 'A' + d - 10); } write(1, b, 10); }
static void showI32(const char *l, i32 n) { print(l); print(" "); printI32(n); newline(); }
static void showU32(const char *l, u32 n) { print(l); print(" "); printU32(n); newline(); }
static void showHex(const char *l, u32 n) { print(l); print(" "); printHex(n); newline(); }
static void showBool(const char *l, int b) { print(l); print(b ? " true" : " false"); newline(); }
