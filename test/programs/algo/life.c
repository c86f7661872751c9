#include "lib/print.h"
#define N 10
static u8 grid[N * N], nxt[N * N];
static i32 at(i32 r, i32 c) { return grid[((r + N) % N) * N + (c + N) % N]; }
static void step(void) { for (int r = 0; r < N; r++) for (int c = 0; c < N; c++) { int n = 0; for (int dr = -1; dr <= 1; dr++) for (int dc = -1; dc <= 1; dc++) if (dr || dc) n += at(r + dr, c + dc); int alive = grid[r * N + c] != 0; nxt[r * N + c] = (alive && (n == 2 || n == 3)) || (!alive && n == 3); } memcpy(grid, nxt, sizeof grid); }
int main(void) { grid[1] = 1; grid[N + 2] = 1; grid[2 * N] = 1; grid[2 * N + 1] = 1; grid[2 * N + 2] = 1; for (int g = 0; g < 8; g++) step(); int pop = 0; for (int r = 0; r < N; r++) { for (int c = 0; c < N; c++) { print(grid[r * N + c] ? "#" : "."); pop += grid[r * N + c]; } newline(); } showI32("population", pop); return 0; }
