// memset / memcpy / memmove of 64 KiB buffers, written as loops in both languages
// (gcc gets -fno-tree-loop-distribute-patterns so it keeps them as loops rather than
// calling libc): memset and memcpy move 32-bit words, memmove moves bytes and handles
// overlap in both directions. Functions take addresses, as a kernel's would.
import { report } from "./lib/report";

const SIZE = 65536;
const source = new StaticArray<u8>(SIZE, 4);
const target = new StaticArray<u8>(SIZE, 4);

function memsetWords(dst: usize, value: u32, count: usize): void {
  for (let i: usize = 0; i < count; i++) store<u32>(dst + i * 4, value);
}

function memcpyWords(dst: usize, src: usize, count: usize): void {
  for (let i: usize = 0; i < count; i++) store<u32>(dst + i * 4, load<u32>(src + i * 4));
}

function memmoveBytes(dst: usize, src: usize, count: usize): void {
  if (dst < src) {
    for (let i: usize = 0; i < count; i++) store<u8>(dst + i, load<u8>(src + i));
  } else {
    let i: usize = count;
    while (i > 0) {
      i--;
      store<u8>(dst + i, load<u8>(src + i));
    }
  }
}

/** Folds the buffer's words, so every byte written counts. */
function sumWords(buffer: usize, count: usize): u32 {
  let sum: u32 = 0;
  for (let i: usize = 0; i < count; i++) sum = (sum << 3) + (sum >>> 29) + load<u32>(buffer + i * 4);
  return sum;
}

export function bench_run(): u32 {
  const src = addressOf(source);
  const dst = addressOf(target);
  let checksum: u32 = 0;
  for (let round: u32 = 0; round < 8; round++) {
    memsetWords(src, 0x01010101 * (round + 1), SIZE / 4);
    for (let i: usize = 0; i < SIZE; i += 251) store<u8>(src + i, u8(i + round));
    memcpyWords(dst, src, SIZE / 4);
    memmoveBytes(dst + 3, dst, SIZE - 3);
    memmoveBytes(dst, dst + 5, SIZE - 5);
    checksum = checksum * 7 + sumWords(dst, SIZE / 4);
  }
  return checksum;
}

export function main(): i32 {
  report("memops", bench_run());
  return 0;
}
