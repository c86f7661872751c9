// A narrow element compared with a constant at the limits of its type: one
// `cmp byte/word [m], imm` whose condition is unsigned for u8/u16 (200 is above 127).
import { newline, print, printI32 } from "../lib/print";
const b = new StaticArray<u8>(4);
const c = new StaticArray<i8>(4);
const w = new StaticArray<u16>(4);
const h = new StaticArray<i16>(4);
function s(v: i32): void { printI32(v); print(" "); }
function f(i: i32): i32 {
  let t = 0;
  if (b[i] == 255) t += 1;
  if (b[i] > 200) t += 2;
  if (b[i] < 128) t += 4;
  if (c[i] < -1) t += 8;
  if (c[i] >= 127) t += 16;
  if (c[i] == -128) t += 32;
  if (w[i] == 65535) t += 64;
  if (w[i] > 32768) t += 128;
  if (h[i] < -32767) t += 256;
  if (h[i] != -1) t += 512;
  if (b[i] <= 0) t += 1024;
  if (w[i] >= 1) t += 2048;
  return t;
}
export function main(): i32 {
  b[0] = 255; b[1] = 200; b[2] = 0; b[3] = 128;
  c[0] = -128; c[1] = 127; c[2] = -1; c[3] = 0;
  w[0] = 65535; w[1] = 32768; w[2] = 0; w[3] = 32769;
  h[0] = -32768; h[1] = -1; h[2] = 32767; h[3] = 0;
  for (let i = 0; i < 4; i++) s(f(i));
  newline();
  return 0;
}
