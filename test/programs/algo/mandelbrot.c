#include "lib/print.h"
#define ONE (1 << 16)
static i32 iterations(i32 cx, i32 cy) { i32 x = 0, y = 0; for (int i = 0; i < 30; i++) { i32 x2 = (x >> 8) * (x >> 8), y2 = (y >> 8) * (y >> 8); if (x2 + y2 > 4 * ONE) return i; i32 xy = (x >> 8) * (y >> 8); x = x2 - y2 + cx; y = 2 * xy + cy; } return 30; }
int main(void) { const char *shades = " .:-=+*#%@"; for (int row = 0; row < 12; row++) { for (int col = 0; col < 40; col++) { i32 cx = -2 * ONE + col * (3 * ONE / 40), cy = -ONE + row * (2 * ONE / 12); i32 n = iterations(cx, cy); printChar(shades[n >= 30 ? 9 : n % 9]); } newline(); } return 0; }
