#include "lib/print.h"
static u32 table[256];
static u32 crc32(const char *s) { u32 crc = 0xFFFFFFFFu; for (; *s; s++) crc = table[(crc ^ (u8)*s) & 0xFF] ^ (crc >> 8); return crc ^ 0xFFFFFFFFu; }
int main(void) {
  for (int i = 0; i < 256; i++) { u32 c = i; for (int k = 0; k < 8; k++) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1; table[i] = c; }
  showHex("t1", table[1]); showHex("t255", table[255]); showHex("check", crc32("123456789")); showHex("fox", crc32("The quick brown fox jumps over the lazy dog"));
  return 0;
}
