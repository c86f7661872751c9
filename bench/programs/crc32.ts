// Table-driven CRC-32 (IEEE, reflected): the table is built in the measured part,
// then 64 KiB of pseudo-random bytes are checksummed 8 times.
import { report } from "./lib/report";

const SIZE = 65536;
const table = new StaticArray<u32>(256);
const data = new StaticArray<u8>(SIZE);

function buildTable(): void {
  for (let n = 0; n < 256; n++) {
    let c: u32 = u32(n);
    for (let k = 0; k < 8; k++) {
      c = (c & 1) != 0 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
    }
    table[n] = c;
  }
}

function crc32(length: i32): u32 {
  let crc: u32 = 0xFFFFFFFF;
  for (let i = 0; i < length; i++) {
    crc = table[(crc ^ data[i]) & 0xFF] ^ (crc >>> 8);
  }
  return ~crc;
}

export function bench_run(): u32 {
  buildTable();
  let seed: u32 = 12345;
  for (let i = 0; i < SIZE; i++) {
    seed = seed * 1103515245 + 12345;
    data[i] = u8(seed >>> 16);
  }
  let checksum: u32 = 0;
  for (let round = 0; round < 8; round++) {
    data[round] = u8(round);
    checksum = (checksum << 1) ^ crc32(SIZE);
  }
  return checksum;
}

export function main(): i32 {
  report("crc32", bench_run());
  return 0;
}
