#include "lib/print.h"
int main(void) { u32 a = 0, b = 1; for (int i = 0; i < 100; i++) { u32 t = a + b; a = b; b = t; if (i % 25 == 24) showU32("fib", a); } return 0; }
