// Roman numerals from a table of values and symbols.
import { print, newline } from "../lib/print";

const values = new StaticArray<u16>(13);
const symbols = new StaticArray<string>(13);

function init(): void {
  const v = "\x03\xe8\x03\x84\x01\xf4\x01\x90\x00\x64\x00\x5a\x00\x32\x00\x28\x00\x0a\x00\x09\x00\x05\x00\x04\x00\x01";
  for (let i = 0; i < 13; i++) values[i] = u16((u32(v.charCodeAt(2 * i)) << 8) | v.charCodeAt(2 * i + 1));
  symbols[0] = "M"; symbols[1] = "CM"; symbols[2] = "D"; symbols[3] = "CD"; symbols[4] = "C"; symbols[5] = "XC";
  symbols[6] = "L"; symbols[7] = "XL"; symbols[8] = "X"; symbols[9] = "IX"; symbols[10] = "V"; symbols[11] = "IV"; symbols[12] = "I";
}

function roman(n: u32): void {
  for (let i = 0; i < 13; i++) {
    while (n >= values[i]) {
      print(symbols[i]);
      n -= values[i];
    }
  }
  newline();
}

export function main(): i32 {
  init();
  roman(1994);
  roman(2026);
  roman(3888);
  roman(4);
  return 0;
}
