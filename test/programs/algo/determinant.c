#include "lib/print.h"
#define N 4
static i32 m[N * N];
static i32 det(void) { i32 sign = 1, prev = 1; for (int k = 0; k < N - 1; k++) { if (m[k * N + k] == 0) { int sw = -1; for (int r = k + 1; r < N; r++) if (m[r * N + k]) sw = r; if (sw < 0) return 0; for (int c = 0; c < N; c++) { i32 t = m[k * N + c]; m[k * N + c] = m[sw * N + c]; m[sw * N + c] = t; } sign = -sign; }
  for (int i = k + 1; i < N; i++) for (int j = k + 1; j < N; j++) m[i * N + j] = (m[i * N + j] * m[k * N + k] - m[i * N + k] * m[k * N + j]) / prev; prev = m[k * N + k]; } return sign * m[N * N - 1]; }
int main(void) { const char *rows = "\x02\x00\x01\x03\x01\x01\x00\x02\x00\x03\x01\x01\x04\x01\x02\x00"; for (int i = 0; i < 16; i++) m[i] = rows[i]; showI32("det", det()); for (int i = 0; i < 16; i++) m[i] = i % 5 == 0 ? 0 : i; showI32("det2", det()); return 0; }
