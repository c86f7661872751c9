// A xorshift32 pseudo-random sequence and a histogram of its low bits.
import { showHex, showI32 } from "../lib/print";

let state: u32 = 2463534242;

function next(): u32 {
  let x = state;
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  state = x;
  return x;
}

const buckets = new StaticArray<i32>(4);

export function main(): i32 {
  for (let i = 0; i < 5; i++) showHex("r", next());
  for (let i = 0; i < 1000; i++) buckets[next() & 3]++;
  for (let i = 0; i < buckets.length; i++) showI32("bucket", buckets[i]);
  return 0;
}
