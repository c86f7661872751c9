// Division and remainder by constants of every class (reciprocal multiplication, or a
// shift, since divide-by-constant.ts): ±1, ±2^k, 3, 7, 10, 641, INT_MAX, INT_MIN, u32
// divisors whose multiplier needs 33 bits (7) or a pre-shift (even ones), 2^31 and
// 0xFFFFFFFF; dividends at the boundaries, narrow dividends promoted, and x / y with x % y.
import { newline, print, printI32, printU32 } from "../lib/print";

const xs = new StaticArray<i32>(12);

function s(v: i32): void {
  printI32(v);
  print(" ");
}

function u(v: u32): void {
  printU32(v);
  print(" ");
}

function signed(x: i32): void {
  s(x / 1); s(x % 1); s(x / 2); s(x % 2); s(x / -2); s(x % -2); s(x / 3); s(x % 3); s(x / -3); s(x % -3);
  s(x / 7); s(x % 7); s(x / 10); s(x % 10); s(x / -10); s(x % -10); s(x / 641); s(x % 641);
  s(x / 1024); s(x % 1024); s(x / -1024); s(x % -1024); s(x / 2147483647); s(x % 2147483647);
  s(x / -2147483647); s(x / i32(0x80000000)); s(x % i32(0x80000000)); s(x / 1000000007); s(x % -1000000007);
  if (x != i32(0x80000000)) {
    s(x / -1);
    s(x % -1);
  }
  newline();
}

function unsigned(y: u32): void {
  u(y / 1); u(y % 1); u(y / 2); u(y % 2); u(y / 3); u(y % 3); u(y / 6); u(y % 6); u(y / 7); u(y % 7);
  u(y / 10); u(y % 10); u(y / 12); u(y % 12); u(y / 641); u(y % 641); u(y / 4096); u(y % 4096);
  u(y / 0x7FFFFFFF); u(y % 0x7FFFFFFF); u(y / 0x80000000); u(y % 0x80000000); u(y / 0x80000001); u(y % 0x80000001);
  u(y / 0xFFFFFFFE); u(y % 0xFFFFFFFE); u(y / 0xFFFFFFFF); u(y % 0xFFFFFFFF); u(y / 1000000007); u(y % 1000000007);
  newline();
}

function narrow(x: i32): void {
  const b = u8(x);
  const c = i8(x);
  const d = u16(x);
  const e = i16(x);
  s(b / 3); s(b % 3); s(b / -3); s(b % -7); s(c / 3); s(c % 3); s(c / -3); s(c % -7); s(c / 128); s(c / -128);
  s(d / 10); s(d % 10); s(d / -10); s(e / 10); s(e % 10); s(e / -10); s(e / 32768); s(e % -32768);
  u(u32(d) / 641); u(u32(b) % 7);
  newline();
}

function together(x: i32, y: i32): void {
  if (y != 0 && (y != -1 || x != i32(0x80000000))) {
    s(x / y);
    s(x % y);
  }
  if (y != 0) {
    u(u32(x) / u32(y));
    u(u32(x) % u32(y));
  }
  newline();
}

export function main(): i32 {
  xs[0] = 0; xs[1] = 1; xs[2] = -1; xs[3] = 7; xs[4] = -7; xs[5] = 2147483647; xs[6] = i32(0x80000000);
  xs[7] = -2147483647; xs[8] = 1000000007; xs[9] = -999999999; xs[10] = 641; xs[11] = -65536;
  for (let i = 0; i < 12; i++) {
    signed(xs[i]);
    unsigned(u32(xs[i]));
    narrow(xs[i]);
    together(xs[i], xs[(i + 5) % 12]);
  }
  return 0;
}
