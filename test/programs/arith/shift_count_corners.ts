// Shift counts in cl (mod 32, `& 31` dropped), counts that stay live after the shift or
// are the shifted value itself (`x >>> x`), rotates by 0, 32 and variable counts, and
// shifts read-modify-written on narrow elements.
import { newline, print, printI32, printU32 } from "../lib/print";

const xs = new StaticArray<i32>(8);
const counts = new StaticArray<i32>(9);
const bytes = new StaticArray<i8>(4);
const halves = new StaticArray<u16>(4);

function s(v: i32): void {
  printI32(v);
  print(" ");
}

function u(v: u32): void {
  printU32(v);
  print(" ");
}

function rol(x: u32, k: u32): u32 {
  return (x << k) | (x >>> (32 - k));
}

function live(x: i32, n: i32): i32 {
  const a = x << n;
  const b = x >> (n & 31);
  const c = x >>> (n & 63);
  const d = n << x;
  return a ^ (b * 3) ^ (c * 5) ^ (d * 7) ^ n ^ (x >>> x) ^ (n >> n);
}

export function main(): i32 {
  xs[0] = 1; xs[1] = -1; xs[2] = 0x12345678; xs[3] = i32(0x80000000); xs[4] = 0x7fffffff; xs[5] = 31; xs[6] = 32; xs[7] = -33;
  counts[0] = 0; counts[1] = 1; counts[2] = 31; counts[3] = 32; counts[4] = 33; counts[5] = -1; counts[6] = 63; counts[7] = 64; counts[8] = 100;
  for (let i = 0; i < 8; i++) {
    const x = xs[i];
    for (let j = 0; j < 9; j++) {
      const n = counts[j];
      s(x << n); s(x >> n); s(x >>> n); s(x << (n & 31)); u(u32(x) >> (n & 31)); u(rol(u32(x), u32(n))); s(live(x, n));
    }
    newline();
    s(x >>> x); s(x << x); s(x >> x);
    u(rol(u32(x), 0)); u(rol(u32(x), 32)); u((u32(x) << 3) + (u32(x) >>> 29)); u((u32(x) << 7) ^ (u32(x) >>> 25));
    for (let k = 0; k < 4; k++) {
      bytes[k] = i8(x >> (8 * k));
      bytes[k] = i8(bytes[k] >>> counts[k + 1]);
      halves[k] = u16(x >>> (8 * k));
      halves[k] = u16(halves[k] << counts[k + 4]);
      halves[k] = u16(halves[k] >> 3);
      s(bytes[k]); s(halves[k]);
    }
    newline();
  }
  return 0;
}
