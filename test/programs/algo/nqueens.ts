// The number of solutions of the N-queens puzzle for N = 4..8 (backtracking with bitmasks).
import { showI32 } from "../lib/print";

function solve(n: i32, row: i32, cols: u32, diag1: u32, diag2: u32): i32 {
  if (row == n) return 1;
  let count: i32 = 0;
  let free = ~(cols | diag1 | diag2) & ((u32(1) << n) - 1);
  while (free != 0) {
    const bit = free & (~free + 1);
    free ^= bit;
    count += solve(n, row + 1, cols | bit, (diag1 | bit) << 1, (diag2 | bit) >> 1);
  }
  return count;
}

export function main(): i32 {
  for (let n = 4; n <= 8; n++) showI32("queens", solve(n, 0, 0, 0, 0));
  return 0;
}
