// Read-modify-write (`op [m], x`, `neg/not [m]`) on narrow elements and on fields of
// @unmanaged structs reached through a pointer that a loop advances: each element is
// read and written once, at its own width, and an element read twice keeps both reads.
import { newline, print, printI32 } from "../lib/print";

@unmanaged
class Cell {
  tag: u8;
  delta: i16;
  count: u32;
  mask: i8;
}

const raw = new StaticArray<u32>(12);
const small = new StaticArray<i8>(8);
const wide = new StaticArray<u16>(8);

function s(v: i32): void {
  printI32(v);
  print(" ");
}

function update(k: i32, v: i32, n: i32): void {
  small[k] = i8(small[k] + v);
  small[k + 1] = i8(small[k + 1] ^ v);
  small[k + 2] = i8(-small[k + 2]);
  small[k + 3] = i8(small[k + 3] - small[k + 3] - v);
  wide[k] = u16(wide[k] - v);
  wide[k + 1] = u16(~wide[k + 1]);
  wide[k + 2] = u16(wide[k + 2] | (v << n));
  wide[k + 3] = u16(wide[k + 3] + wide[k + 3]);
}

function walk(v: i32): i32 {
  let t = 0;
  for (let k: usize = 0; k < 4; k++) {
    const c = changetype<Cell>(addressOf(raw) + k * sizeof<Cell>());
    c.tag = u8(c.tag + v);
    c.delta = i16(c.delta - v);
    c.count = c.count ^ u32(v);
    c.mask = i8(~c.mask);
    c.count = u32(-i32(c.count));
    t += i32(c.tag) + i32(c.delta) + i32(c.count) + i32(c.mask);
  }
  return t;
}

export function main(): i32 {
  for (let i = 0; i < 8; i++) {
    small[i] = i8(i * 37 - 100);
    wide[i] = u16(i * 9000 + 123);
  }
  for (let i = 0; i < 12; i++) raw[i] = u32(i) * 0x01030507 + 0x80;
  update(0, 100, 3);
  update(4, -7, 13);
  update(2, 200, 31);
  for (let i = 0; i < 8; i++) {
    s(small[i]);
    s(wide[i]);
  }
  newline();
  s(walk(5));
  s(walk(-300));
  for (let i = 0; i < 12; i++) s(i32(raw[i]));
  newline();
  return 0;
}
