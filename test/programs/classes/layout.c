#include "lib/print.h"
struct Mixed { u8 a; u32 b; u16 c; }; struct Bytes { u8 a, b, c; };
struct Header { u32 magic; u16 flags; u8 kind; i8 level; struct Header *next; };
static struct Mixed m;
int main(void) {
  showU32("Mixed", sizeof(struct Mixed)); showU32("Bytes", sizeof(struct Bytes)); showU32("Header", sizeof(struct Header));
  showU32("off a", (u32)((char *)&m.a - (char *)&m)); showU32("off b", (u32)((char *)&m.b - (char *)&m)); showU32("off c", (u32)((char *)&m.c - (char *)&m));
  showU32("u16", 2); showU32("bool", 1); return 0;
}
