// The Josephus problem by simulation with a circular "alive" array, and by the recurrence.
import { showI32 } from "../lib/print";

const alive = new StaticArray<bool>(64);

function simulate(n: i32, k: i32): i32 {
  for (let i = 0; i < n; i++) alive[i] = true;
  let remaining = n;
  let pos: i32 = -1;
  while (remaining > 1) {
    let steps = k;
    while (steps > 0) {
      pos = (pos + 1) % n;
      if (alive[pos]) steps--;
    }
    alive[pos] = false;
    remaining--;
  }
  for (let i = 0; i < n; i++) if (alive[i]) return i + 1;
  return -1;
}

function recurrence(n: i32, k: i32): i32 {
  let j: i32 = 0;
  for (let m = 2; m <= n; m++) j = (j + k) % m;
  return j + 1;
}

export function main(): i32 {
  showI32("sim", simulate(41, 3));
  showI32("rec", recurrence(41, 3));
  showI32("sim", simulate(7, 2));
  showI32("rec", recurrence(7, 2));
  return 0;
}
