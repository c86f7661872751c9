// Breadth-first search through a maze given as a string; prints the shortest path length.
import { showI32 } from "../lib/print";

const W = 10;
const H = 6;
const MAZE =
  "S.#......." +
  ".##.####.#" +
  "....#....#" +
  "#.#.#.##.#" +
  "..#...#..." +
  "#...#.#.#E";
const distance = new StaticArray<i16>(W * H);
const queue = new StaticArray<i32>(W * H);

function tryVisit(cell: i32, d: i16, tail: i32): i32 {
  if (MAZE.charCodeAt(cell) == 35 || distance[cell] >= 0) return tail;
  distance[cell] = d;
  queue[tail] = cell;
  return tail + 1;
}

export function main(): i32 {
  for (let i = 0; i < W * H; i++) distance[i] = -1;
  let head: i32 = 0;
  let tail: i32 = 0;
  distance[0] = 0;
  queue[tail++] = 0;
  while (head < tail) {
    const cell = queue[head++];
    const r = cell / W;
    const c = cell % W;
    const d = i16(distance[cell] + 1);
    if (r > 0) tail = tryVisit(cell - W, d, tail);
    if (r < H - 1) tail = tryVisit(cell + W, d, tail);
    if (c > 0) tail = tryVisit(cell - 1, d, tail);
    if (c < W - 1) tail = tryVisit(cell + 1, d, tail);
  }
  showI32("exit", distance[W * H - 1]);
  showI32("visited", tail);
  return 0;
}
