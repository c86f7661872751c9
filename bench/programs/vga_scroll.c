/* VGA text-mode console: 80x25 cells of u16 (attribute << 8 | character). Each line
   printed at the bottom row scrolls the screen: rows 1..24 move up one row and the last
   row is cleared, as a kernel console does on the real buffer at 0xB8000. */
#include "lib/report.h"

#define COLUMNS 80
#define ROWS 25
#define BLANK 0x0720
static u16 screen[2000];

static void scroll(void) {
  for (i32 i = 0; i < COLUMNS * (ROWS - 1); i++) screen[i] = screen[i + COLUMNS];
  for (i32 i = COLUMNS * (ROWS - 1); i < COLUMNS * ROWS; i++) screen[i] = BLANK;
}

static void putLine(u32 lineNumber) {
  i32 base = COLUMNS * (ROWS - 1);
  u16 attribute = (u16)(((lineNumber & 7) + 8) << 8);
  for (i32 column = 0; column < COLUMNS; column++) {
    u16 character = (u16)(33 + (lineNumber + (u32)column * 7) % 94);
    screen[base + column] = attribute | character;
  }
}

BENCH_ENTRY u32 bench_run(void) {
  for (i32 i = 0; i < COLUMNS * ROWS; i++) screen[i] = BLANK;
  for (u32 line = 0; line < 3000; line++) {
    scroll();
    putLine(line);
  }
  u32 checksum = 0;
  for (i32 i = 0; i < COLUMNS * ROWS; i++) checksum = checksum * 31 + screen[i];
  return checksum;
}

int main(void) {
  report("vga_scroll", bench_run());
  return 0;
}
