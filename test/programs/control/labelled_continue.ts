// A labelled continue skips to the next outer iteration: count primes below 100.
import { showI32 } from "../lib/print";

export function main(): i32 {
  let count: i32 = 0;
  let last: i32 = 0;
  candidates: for (let n = 2; n < 100; n++) {
    for (let d = 2; d * d <= n; d++) {
      if (n % d == 0) continue candidates;
    }
    count++;
    last = n;
  }
  showI32("primes", count);
  showI32("last", last);
  let w: i32 = 0;
  let hits: i32 = 0;
  loop: while (w < 20) {
    w++;
    let k: i32 = 0;
    do {
      k++;
      if (k == 3) continue loop;
    } while (k < 5);
    hits++;
  }
  showI32("hits", hits);
  return 0;
}
