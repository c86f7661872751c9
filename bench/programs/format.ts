// Number formatting into a buffer, as a kernel's printf does: unsigned decimal
// (division by 10) and 8-digit hex of 100000 values, the digits folded into a checksum.
import { report } from "./lib/report";

const text = new StaticArray<u8>(32);

/** Writes n in decimal at the end of text; returns the index of the first digit. */
function formatDecimal(n: u32): i32 {
  let i: i32 = 32;
  do {
    i--;
    text[i] = u8(48 + n % 10);
    n = n / 10;
  } while (n != 0);
  return i;
}

/** Writes n as 8 upper-case hex digits at the start of text. */
function formatHex(n: u32): void {
  for (let i = 0; i < 8; i++) {
    const digit = (n >>> u32(28 - 4 * i)) & 15;
    text[i] = u8(digit < 10 ? 48 + digit : 55 + digit);
  }
}

export function bench_run(): u32 {
  let checksum: u32 = 0;
  let value: u32 = 1;
  for (let k = 0; k < 100000; k++) {
    value = value * 2654435761 + u32(k);
    const first = formatDecimal(value >>> u32(k & 31));
    for (let i = first; i < 32; i++) checksum = checksum * 31 + text[i];
    formatHex(value);
    for (let i = 0; i < 8; i++) checksum = checksum * 31 + text[i];
  }
  return checksum;
}

export function main(): i32 {
  report("format", bench_run());
  return 0;
}
