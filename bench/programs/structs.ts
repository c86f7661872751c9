// A struct-heavy loop over @unmanaged records: 1024 particles (i32 position and
// velocity, u16 energy, u8 flags, u8 bounce count: 20 bytes, C layout) moved 200 steps,
// bouncing off the walls of a 64Ki x 64Ki box; records are views of a static pool.
import { report } from "./lib/report";

@unmanaged
class Particle {
  x: i32;
  y: i32;
  vx: i32;
  vy: i32;
  energy: u16;
  flags: u8;
  bounces: u8;
}

const COUNT = 1024;
const SIZE: i32 = 65536;
const FLAG_HIT_X: u8 = 1;
const FLAG_HIT_Y: u8 = 2;
const pool = new StaticArray<u32>(COUNT * 5);

function particle(i: i32): Particle {
  return changetype<Particle>(addressOf(pool) + usize(i) * sizeof<Particle>());
}

function spawn(seed: u32): void {
  for (let i = 0; i < COUNT; i++) {
    const p = particle(i);
    seed = seed * 1103515245 + 12345;
    p.x = i32(seed >>> 16);
    p.y = i32(seed & 0xFFFF);
    seed = seed * 1103515245 + 12345;
    p.vx = i32((seed >>> 20) & 0x3FF) - 512;
    p.vy = i32((seed >>> 4) & 0x3FF) - 512;
    p.energy = u16(seed >>> 16);
    p.flags = 0;
    p.bounces = 0;
  }
}

function step(p: Particle): void {
  p.x += p.vx;
  p.y += p.vy;
  if (p.x < 0 || p.x >= SIZE) {
    p.vx = -p.vx;
    p.x += 2 * p.vx;
    p.flags |= FLAG_HIT_X;
    p.bounces++;
  }
  if (p.y < 0 || p.y >= SIZE) {
    p.vy = -p.vy;
    p.y += 2 * p.vy;
    p.flags |= FLAG_HIT_Y;
    p.bounces++;
  }
  if (p.energy > 0) p.energy--;
}

export function bench_run(): u32 {
  spawn(31337);
  for (let t = 0; t < 200; t++) {
    for (let i = 0; i < COUNT; i++) step(particle(i));
  }
  let checksum: u32 = 0;
  for (let i = 0; i < COUNT; i++) {
    const p = particle(i);
    checksum = checksum * 31 + u32(p.x) + u32(p.y) * 3 + u32(p.energy) + (u32(p.flags) << 8) + u32(p.bounces);
  }
  return checksum;
}

export function main(): i32 {
  report("structs", bench_run());
  return 0;
}
