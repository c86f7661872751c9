// Integer determinant by the Bareiss algorithm (exact fraction-free elimination).
import { showI32 } from "../lib/print";

const N = 4;
const m = new StaticArray<i32>(N * N);

function det(): i32 {
  let sign: i32 = 1;
  let prevPivot: i32 = 1;
  for (let k = 0; k < N - 1; k++) {
    if (m[k * N + k] == 0) {
      let swap: i32 = -1;
      for (let r = k + 1; r < N; r++) if (m[r * N + k] != 0) swap = r;
      if (swap < 0) return 0;
      for (let c = 0; c < N; c++) {
        const t = m[k * N + c];
        m[k * N + c] = m[swap * N + c];
        m[swap * N + c] = t;
      }
      sign = -sign;
    }
    for (let i = k + 1; i < N; i++) {
      for (let j = k + 1; j < N; j++) {
        m[i * N + j] = (m[i * N + j] * m[k * N + k] - m[i * N + k] * m[k * N + j]) / prevPivot;
      }
    }
    prevPivot = m[k * N + k];
  }
  return sign * m[(N - 1) * N + N - 1];
}

export function main(): i32 {
  const rows = "\x02\x00\x01\x03\x01\x01\x00\x02\x00\x03\x01\x01\x04\x01\x02\x00";
  for (let i = 0; i < N * N; i++) m[i] = rows.charCodeAt(i);
  showI32("det", det());
  for (let i = 0; i < N * N; i++) m[i] = i % 5 == 0 ? 0 : i;
  showI32("det2", det());
  return 0;
}
