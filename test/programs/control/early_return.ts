// Returns from inside loops and switches.
import { showI32 } from "../lib/print";

function firstSquareAbove(limit: i32): i32 {
  for (let i = 0; ; i++) {
    if (i * i > limit) return i;
  }
}

function find(target: i32): i32 {
  let i: i32 = 0;
  while (true) {
    switch (i) {
      case 5:
        if (target == 5) return 500;
        break;
      default:
        if (i == target) return i * 10;
    }
    i++;
    if (i > 10) return -1;
  }
}

export function main(): i32 {
  showI32("sq", firstSquareAbove(1000));
  showI32("find3", find(3));
  showI32("find5", find(5));
  showI32("find99", find(99));
  return 0;
}
