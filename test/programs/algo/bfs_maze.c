#include "lib/print.h"
#define W 10
#define H 6
static const char *MAZE = "S.#......."".##.####.#""....#....#""#.#.#.##.#""..#...#...""#...#.#.#E";
static i16 distance[W * H]; static i32 queue[W * H];
static i32 tryVisit(i32 cell, i16 d, i32 tail) { if (MAZE[cell] == '#' || distance[cell] >= 0) return tail; distance[cell] = d; queue[tail] = cell; return tail + 1; }
int main(void) { for (int i = 0; i < W * H; i++) distance[i] = -1; i32 head = 0, tail = 0; distance[0] = 0; queue[tail++] = 0;
  while (head < tail) { i32 cell = queue[head++], r = cell / W, c = cell % W; i16 d = (i16)(distance[cell] + 1);
    if (r > 0) tail = tryVisit(cell - W, d, tail); if (r < H - 1) tail = tryVisit(cell + W, d, tail); if (c > 0) tail = tryVisit(cell - 1, d, tail); if (c < W - 1) tail = tryVisit(cell + 1, d, tail); }
  showI32("exit", distance[W * H - 1]); showI32("visited", tail); return 0; }
