// A 5x5 magic square by the Siamese method, with its row, column and diagonal sums checked.
import { print, printI32, newline, showBool } from "../lib/print";

const N = 5;
const sq = new StaticArray<i32>(N * N);

export function main(): i32 {
  let r: i32 = 0;
  let c: i32 = N / 2;
  for (let k = 1; k <= N * N; k++) {
    sq[r * N + c] = k;
    const nr = (r + N - 1) % N;
    const nc = (c + 1) % N;
    if (sq[nr * N + nc] != 0) {
      r = (r + 1) % N;
    } else {
      r = nr;
      c = nc;
    }
  }
  const target = N * (N * N + 1) / 2;
  let ok = true;
  let d1: i32 = 0;
  let d2: i32 = 0;
  for (let i = 0; i < N; i++) {
    let rs: i32 = 0;
    let cs: i32 = 0;
    for (let j = 0; j < N; j++) {
      rs += sq[i * N + j];
      cs += sq[j * N + i];
    }
    if (rs != target || cs != target) ok = false;
    d1 += sq[i * N + i];
    d2 += sq[i * N + N - 1 - i];
  }
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) {
      const v = sq[i * N + j];
      if (v < 10) print(" ");
      printI32(v);
      print(" ");
    }
    newline();
  }
  showBool("magic", ok && d1 == target && d2 == target);
  return 0;
}
