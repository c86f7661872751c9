/* A struct-heavy loop over records: 1024 particles (i32 position and velocity, u16
   energy, u8 flags, u8 bounce count: 20 bytes) moved 200 steps, bouncing off the walls
   of a 64Ki x 64Ki box; the twin of ts386's @unmanaged views of a static pool. */
#include "lib/report.h"

struct Particle {
  i32 x;
  i32 y;
  i32 vx;
  i32 vy;
  u16 energy;
  u8 flags;
  u8 bounces;
};

#define COUNT 1024
#define SIZE 65536
#define FLAG_HIT_X 1
#define FLAG_HIT_Y 2
static struct Particle pool[COUNT];

static void spawn(u32 seed) {
  for (i32 i = 0; i < COUNT; i++) {
    struct Particle *p = &pool[i];
    seed = seed * 1103515245u + 12345u;
    p->x = (i32)(seed >> 16);
    p->y = (i32)(seed & 0xFFFF);
    seed = seed * 1103515245u + 12345u;
    p->vx = (i32)((seed >> 20) & 0x3FF) - 512;
    p->vy = (i32)((seed >> 4) & 0x3FF) - 512;
    p->energy = (u16)(seed >> 16);
    p->flags = 0;
    p->bounces = 0;
  }
}

static void step(struct Particle *p) {
  p->x += p->vx;
  p->y += p->vy;
  if (p->x < 0 || p->x >= SIZE) {
    p->vx = -p->vx;
    p->x += 2 * p->vx;
    p->flags |= FLAG_HIT_X;
    p->bounces++;
  }
  if (p->y < 0 || p->y >= SIZE) {
    p->vy = -p->vy;
    p->y += 2 * p->vy;
    p->flags |= FLAG_HIT_Y;
    p->bounces++;
  }
  if (p->energy > 0) p->energy--;
}

BENCH_ENTRY u32 bench_run(void) {
  spawn(31337);
  for (i32 t = 0; t < 200; t++) {
    for (i32 i = 0; i < COUNT; i++) step(&pool[i]);
  }
  u32 checksum = 0;
  for (i32 i = 0; i < COUNT; i++) {
    struct Particle *p = &pool[i];
    checksum = checksum * 31 + (u32)p->x + (u32)p->y * 3 + (u32)p->energy + ((u32)p->flags << 8) + (u32)p->bounces;
  }
  return checksum;
}

int main(void) {
  report("structs", bench_run());
  return 0;
}
