#include "lib/print.h"
/* The C twin reads the struct fields at their offsets in the u32 words: tag at 0,
   delta at 2, count at 4, mask at 8 (12 bytes), as ts386 lays them out. */
typedef struct { u8 tag; i16 delta; u32 count; i8 mask; } Cell;
static u32 raw[12];
static i8 small[8];
static u16 wide[8];
static void s(i32 v) { printI32(v); print(" "); }
static void update(i32 k, i32 v, i32 n) {
  small[k] = (i8)(small[k] + v);
  small[k + 1] = (i8)(small[k + 1] ^ v);
  small[k + 2] = (i8)(-small[k + 2]);
  small[k + 3] = (i8)(small[k + 3] - small[k + 3] - v);
  wide[k] = (u16)(wide[k] - v);
  wide[k + 1] = (u16)(~wide[k + 1]);
  wide[k + 2] = (u16)(wide[k + 2] | (i32)((u32)v << (n & 31)));
  wide[k + 3] = (u16)(wide[k + 3] + wide[k + 3]);
}
static i32 walk(i32 v) {
  i32 t = 0;
  for (u32 k = 0; k < 4; k++) {
    Cell *c = (Cell *)((char *)raw + k * sizeof(Cell));
    c->tag = (u8)(c->tag + v);
    c->delta = (i16)(c->delta - v);
    c->count = c->count ^ (u32)v;
    c->mask = (i8)(~c->mask);
    c->count = (u32)(-(i32)c->count);
    t += (i32)c->tag + (i32)c->delta + (i32)c->count + (i32)c->mask;
  }
  return t;
}
int main(void) {
  for (int i = 0; i < 8; i++) { small[i] = (i8)(i * 37 - 100); wide[i] = (u16)(i * 9000 + 123); }
  for (int i = 0; i < 12; i++) raw[i] = (u32)i * 0x01030507u + 0x80;
  update(0, 100, 3); update(4, -7, 13); update(2, 200, 31);
  for (int i = 0; i < 8; i++) { s(small[i]); s(wide[i]); }
  newline();
  s(walk(5)); s(walk(-300));
  for (int i = 0; i < 12; i++) s((i32)raw[i]);
  newline();
  return 0;
}
