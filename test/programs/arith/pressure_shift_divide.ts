// Many values live at once with shifts by variable counts (ecx), divisions (eax/edx)
// and rotates in loops: the allocator juggles the fixed registers and spills.
import { newline, print, printI32, printU32 } from "../lib/print";
const a = new StaticArray<i32>(16);
const opq = new StaticArray<i32>(1);
function o(x: i32): i32 { opq[0] = x; return opq[0]; }
function s(v: i32): void { printI32(v); print(" "); }
function h1(x: i32, n: i32): i32 {
  let t = 0;
  for (let i = 0; i < 16; i++) {
    const k = n + i;
    t += (x << k) ^ (x >>> k) ^ (a[i] >> k);
    t += k;
  }
  return t;
}
function h2(x: i32, n: i32): i32 {
  let c = n;
  let t = 0;
  for (let i = 0; i < 10; i++) {
    t ^= x << c;
    c = c + 3;
    t += x >> c;
    t += c / 3;
    t += (t >>> c) % 7;
  }
  return t + c;
}
function h3(x: u32, n: u32): u32 {
  let c = n;
  let t: u32 = 0;
  for (let i: u32 = 0; i < 12; i++) {
    t = t + (x >>> c) + (c << c) + (x / 10) * (t % 641) + (c >>> x);
    x = (x << 5) | (x >>> 27);
    c = c ^ (t & 7);
  }
  return t + c + x;
}
function h4(x: i32, y: i32, z: i32, w: i32): i32 {
  const p = x << y; const q = y << z; const r = z << w; const s2 = w << x;
  const p2 = x >> w; const q2 = y >>> x; const r2 = z / 7; const s3 = w % 10;
  const u = (x * y) >> (z & 31); const v = (y * z) << (w & 31);
  return p + q * 3 + r * 5 + s2 * 7 + p2 * 11 + q2 * 13 + r2 * 17 + s3 * 19 + u * 23 + v * 29 + x + y + z + w;
}
function h5(n: i32): i32 {
  // count also the shifted value, and both live after
  let t = n >>> n;
  t += n << n;
  t += n >> (n & 31);
  t += (n << 3) | (n >>> 29);
  return t + n;
}
function h6(x: i32, n: i32): i32 {
  let t = 0;
  let c = n;
  while (c < 40) {
    t += x >>> c;
    t += x << c;
    c += 5;
    if ((t & 1) == 0) c += 1;
  }
  return t + c;
}
export function main(): i32 {
  for (let i = 0; i < 16; i++) a[i] = i * -123457 + 77;
  s(h1(o(0x1234567), o(3))); s(h1(o(-5), o(30))); newline();
  s(h2(o(0x1234567), o(1))); s(h2(o(-5), o(29))); newline();
  printU32(h3(u32(o(0x1234567)), u32(o(3)))); print(" "); printU32(h3(u32(o(-7)), u32(o(31)))); newline();
  s(h4(o(3), o(4), o(5), o(6))); s(h4(o(-3), o(33), o(-5), o(100))); newline();
  s(h5(o(3))); s(h5(o(-1))); s(h5(o(31))); s(h5(o(32))); s(h5(o(0x7fffffff))); newline();
  s(h6(o(0x1234567), o(0))); s(h6(o(-7), o(13))); newline();
  return 0;
}
