// A 2-D matrix in a flat StaticArray: multiply two 3x3 matrices.
import { print, printI32, newline } from "../lib/print";

const N = 3;
const a = new StaticArray<i32>(N * N);
const b = new StaticArray<i32>(N * N);
const c = new StaticArray<i32>(N * N);

export function main(): i32 {
  for (let i = 0; i < N * N; i++) {
    a[i] = i + 1;
    b[i] = i % 2 == 0 ? 1 : -1;
  }
  for (let r = 0; r < N; r++) {
    for (let col = 0; col < N; col++) {
      let s: i32 = 0;
      for (let k = 0; k < N; k++) s += a[r * N + k] * b[k * N + col];
      c[r * N + col] = s;
    }
  }
  for (let r = 0; r < N; r++) {
    for (let col = 0; col < N; col++) {
      printI32(c[r * N + col]);
      print(" ");
    }
    newline();
  }
  return 0;
}
