// Conway's Game of Life on a 10x10 torus: a glider after 8 generations.
import { print, newline, showI32 } from "../lib/print";

const N = 10;
const grid = new StaticArray<u8>(N * N);
const next = new StaticArray<u8>(N * N);

function at(r: i32, c: i32): i32 {
  return grid[((r + N) % N) * N + (c + N) % N];
}

function step(): void {
  for (let r = 0; r < N; r++) {
    for (let c = 0; c < N; c++) {
      let n: i32 = 0;
      for (let dr = -1; dr <= 1; dr++) for (let dc = -1; dc <= 1; dc++) if (dr != 0 || dc != 0) n += at(r + dr, c + dc);
      const alive = grid[r * N + c] != 0;
      next[r * N + c] = (alive && (n == 2 || n == 3)) || (!alive && n == 3) ? 1 : 0;
    }
  }
  for (let i = 0; i < N * N; i++) grid[i] = next[i];
}

export function main(): i32 {
  grid[0 * N + 1] = 1;
  grid[1 * N + 2] = 1;
  grid[2 * N + 0] = 1;
  grid[2 * N + 1] = 1;
  grid[2 * N + 2] = 1;
  for (let g = 0; g < 8; g++) step();
  let population: i32 = 0;
  for (let r = 0; r < N; r++) {
    for (let c = 0; c < N; c++) {
      print(grid[r * N + c] != 0 ? "#" : ".");
      population += grid[r * N + c];
    }
    newline();
  }
  showI32("population", population);
  return 0;
}
