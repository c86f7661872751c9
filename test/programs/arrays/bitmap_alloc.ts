// A physical-page bitmap allocator like Toyix's PMM: one bit per 4 KiB frame.
import { showI32, showHex } from "../lib/print";

const FRAMES = 256;
const bitmap = new StaticArray<u32>(FRAMES / 32);
let used: i32 = 0;

function setBit(frame: u32): void {
  bitmap[frame >> 5] |= u32(1) << (frame & 31);
}

function clearBit(frame: u32): void {
  bitmap[frame >> 5] &= ~(u32(1) << (frame & 31));
}

function testBit(frame: u32): bool {
  return (bitmap[frame >> 5] & (u32(1) << (frame & 31))) != 0;
}

function allocPage(): u32 {
  for (let w = 0; w < bitmap.length; w++) {
    if (bitmap[w] == 0xFFFFFFFF) continue;
    for (let b: u32 = 0; b < 32; b++) {
      const frame = u32(w) * 32 + b;
      if (!testBit(frame)) {
        setBit(frame);
        used++;
        return frame * 4096;
      }
    }
  }
  return 0;
}

function freePage(addr: u32): void {
  clearBit(addr / 4096);
  used--;
}

export function main(): i32 {
  for (let f: u32 = 0; f < 40; f++) setBit(f);
  used = 40;
  const a = allocPage();
  const b = allocPage();
  showHex("a", a);
  showHex("b", b);
  freePage(a);
  const c = allocPage();
  showHex("c", c);
  let n: i32 = 0;
  while (allocPage() != 0) n++;
  showI32("more", n);
  showI32("used", used);
  showHex("word0", bitmap[0]);
  return 0;
}
