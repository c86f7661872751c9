#include "lib/print.h"
static i32 data[12];
int main(void) {
  u32 x = 12345; for (int i = 0; i < 12; i++) { x = x * 1103515245u + 12345; data[i] = (i32)((x >> 16) % 100) - 50; }
  for (int i = 0; i < 11; i++) for (int j = 0; j < 11 - i; j++) if (data[j] > data[j + 1]) { i32 t = data[j]; data[j] = data[j + 1]; data[j + 1] = t; }
  int ok = 1; for (int i = 1; i < 12; i++) if (data[i - 1] > data[i]) ok = 0;
  for (int i = 0; i < 12; i++) { printI32(data[i]); print(" "); } newline(); showBool("sorted", ok); return 0;
}
