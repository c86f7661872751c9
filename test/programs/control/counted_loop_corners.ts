// Counted loops at their corners (count-to-zero latches, strength-reduced derived
// variables, rotated loops): starts at or past the bound, bounds in variables (one the
// loop writes), steps above 1, counters used after the loop or stored, continue/break,
// nested and downward loops, narrow counters that wrap, unsigned bounds near 2^32.
import { newline, print, printI32 } from "../lib/print";

const a = new StaticArray<i32>(64);
const b8 = new StaticArray<u8>(300);
const h16 = new StaticArray<i16>(64);
let g: i32 = 0;

function s(v: i32): void { printI32(v); print(" "); }

function init(): void {
  for (let i = 0; i < 64; i++) a[i] = i * 7 - 100;
  for (let i = 0; i < 300; i++) b8[i] = u8(i * 13);
  for (let i = 0; i < 64; i++) h16[i] = i16(i * 1000 - 20000);
}

function sumRange(lo: i32, hi: i32): i32 {
  let t = 0;
  for (let i = lo; i < hi; i++) t += a[i];
  return t;
}
function sumRangeU(lo: u32, hi: u32): i32 {
  let t = 0;
  for (let i = lo; i < hi; i++) t += a[i];
  return t;
}
function sumStep(lo: i32): i32 {
  let t = 0;
  for (let i = lo; i < 60; i += 3) t += a[i] + i;
  return t;
}
function writesBound(n: i32): i32 {
  let t = 0;
  for (let i = 0; i < n; i++) { t += a[i]; if (i == 5) n = n - 3; }
  return t * 100 + n;
}
function counterAfter(n: i32): i32 {
  let i = 0;
  for (; i < n; i++) { if (a[i] > 50) break; }
  return i;
}
function counterStored(n: i32): i32 {
  let t = 0;
  for (let i = 2; i < n; i++) { g = i; t += a[i - 2]; }
  return t + g;
}
function contLoop(n: i32): i32 {
  let t = 0;
  for (let i = 0; i < n; i++) { if ((a[i] & 1) == 0) continue; t += a[i + 1]; }
  return t;
}
function nested(n: i32): i32 {
  let t = 0;
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) t += a[j] - a[i];
  return t;
}
function downLoop(n: i32): i32 {
  let t = 0;
  for (let i = n - 1; i >= 0; i--) t = t * 3 + a[i];
  return t;
}
function u8Counter(): i32 {
  let t = 0;
  let k = 0;
  for (let i: u8 = 250; i != 4; i++) { t += b8[i]; k++; }
  return t * 1000 + k;
}
function u8Bound(n: u8): i32 {
  let t = 0;
  for (let i: u8 = 0; i < n; i++) t += b8[i] + i32(i);
  return t;
}
function i8Counter(): i32 {
  let t = 0;
  for (let i: i8 = -5; i < 20; i++) t += a[i32(i) + 5] * i32(i);
  return t;
}
function derived(n: i32): i32 {
  let t = 0;
  for (let i = 0; i < n; i++) { t += a[63 - 3 * i] ^ (28 - 4 * i); t += i32(h16[2 * i + 1]); }
  return t;
}
function derivedAfter(n: i32): i32 {
  let t = 0;
  let x = 0;
  for (let i = 0; i < n; i++) { x = 5 * i + 3; t += a[x % 64]; }
  return t + x;
}
function startPast(lo: i32): i32 {
  let t = 0;
  for (let i = lo; i < 10; i++) t += a[i];
  return t;
}
function bytes(dst: i32, src: i32, n: i32): i32 {
  for (let i = 0; i < n; i++) b8[dst + i] = b8[src + i];
  let t = 0;
  for (let i = 0; i < 300; i++) t = t * 31 + i32(b8[i]);
  return t;
}
function whileLen(n: i32): i32 {
  let i = 0; let t = 0;
  while (i < a.length) { if (i >= n) break; t += a[i]; i += 2; }
  return t;
}
function doWhile(n: i32): i32 {
  let i = 0; let t = 0;
  do { t += a[i]; i++; } while (i < n);
  return t;
}
function latchValue(n: i32): i32 {
  let t = 0;
  for (let i = 0; i < n; i++) t += i * i + a[i];
  return t;
}
function boundNegative(lo: i32, hi: i32): i32 {
  let t = 0;
  for (let i = lo; i < hi; i++) t += a[i + 40];
  return t;
}
function uBig(lo: u32): i32 {
  let t = 0;
  for (let i: u32 = lo; i < 0xFFFFFFFF; i++) { t++; }
  return t;
}
function uBigT(lo: u32, hi: u32): i32 {
  let t = 0;
  for (let i: u32 = lo; i < hi; i++) { t += i32(i); }
  return t;
}
function sTop(lo: i32): i32 {
  let t = 0;
  for (let i = lo; i < 2147483647; i++) { t += i; }
  return t;
}

export function main(): i32 {
  init();
  s(sumRange(0, 64)); s(sumRange(10, 20)); s(sumRange(20, 10)); s(sumRange(5, 5)); s(sumRange(63, 64)); newline();
  s(sumRangeU(0, 64)); s(sumRangeU(10, 20)); s(sumRangeU(20, 10)); newline();
  s(sumStep(0)); s(sumStep(1)); s(sumStep(59)); s(sumStep(60)); s(sumStep(100)); newline();
  s(writesBound(20)); s(writesBound(3)); s(writesBound(7)); newline();
  s(counterAfter(64)); s(counterAfter(10)); s(counterAfter(0)); newline();
  s(counterStored(10)); s(counterStored(2)); s(counterStored(0)); newline();
  s(contLoop(63)); s(contLoop(0)); newline();
  s(nested(10)); s(nested(1)); s(nested(0)); newline();
  s(downLoop(64)); s(downLoop(0)); newline();
  s(u8Counter()); s(u8Bound(255)); s(u8Bound(0)); s(u8Bound(17)); newline();
  s(i8Counter()); newline();
  s(derived(16)); s(derived(0)); s(derived(1)); s(derivedAfter(30)); s(derivedAfter(0)); newline();
  s(startPast(0)); s(startPast(9)); s(startPast(10)); s(startPast(11)); newline();
  s(bytes(1, 0, 50)); s(bytes(0, 1, 50)); s(bytes(100, 50, 0)); newline();
  s(whileLen(64)); s(whileLen(7)); s(whileLen(0)); newline();
  s(doWhile(1)); s(doWhile(0)); s(doWhile(-5)); s(doWhile(10)); newline();
  s(latchValue(64)); s(latchValue(3)); newline();
  s(boundNegative(-40, -10)); s(boundNegative(-40, 23)); s(boundNegative(-10, -40)); newline();
  s(uBig(0xFFFFFFF0)); s(uBig(0xFFFFFFFF)); s(uBigT(0xFFFFFFF0, 0xFFFFFFFF)); s(uBigT(0x7FFFFFF0, 0x80000004)); s(uBigT(5, 3)); newline();
  s(sTop(2147483640)); s(sTop(2147483647)); newline();
  return 0;
}
