// CRC-32 (IEEE) with a table built at run time; check value of "123456789" is 0xCBF43926.
import { showHex } from "../lib/print";

const table = new StaticArray<u32>(256);

function buildTable(): void {
  for (let i = 0; i < 256; i++) {
    let c = u32(i);
    for (let k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
    table[i] = c;
  }
}

function crc32(s: string): u32 {
  let crc: u32 = 0xFFFFFFFF;
  for (let i = 0; i < s.length; i++) crc = table[(crc ^ s.charCodeAt(i)) & 0xFF] ^ (crc >>> 8);
  return crc ^ 0xFFFFFFFF;
}

export function main(): i32 {
  buildTable();
  showHex("t1", table[1]);
  showHex("t255", table[255]);
  showHex("check", crc32("123456789"));
  showHex("fox", crc32("The quick brown fox jumps over the lazy dog"));
  return 0;
}
