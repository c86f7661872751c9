#include "lib/print.h"
static u32 fnv1a(const char *s) { u32 h = 0x811C9DC5u; for (; *s; s++) { h ^= (u8)*s; h *= 16777619u; } return h; }
int main(void) { showHex("empty", fnv1a("")); showHex("a", fnv1a("a")); showHex("foobar", fnv1a("foobar")); showHex("toyix", fnv1a("Toyix kernel alive")); return 0; }
