// The first 60 digits of pi by the Rabinowitz-Wagon spigot.
import { printChar, newline } from "../lib/print";

const DIGITS = 60;
const LEN = DIGITS * 10 / 3 + 1;
const a = new StaticArray<u32>(LEN);

export function main(): i32 {
  for (let i = 0; i < LEN; i++) a[i] = 2;
  let nines: i32 = 0;
  let predigit: i32 = 0;
  let first = true;
  for (let j = 0; j < DIGITS; j++) {
    let q: u32 = 0;
    for (let i = LEN; i > 0; i--) {
      const x = 10 * a[i - 1] + q * u32(i);
      a[i - 1] = x % (2 * u32(i) - 1);
      q = x / (2 * u32(i) - 1);
    }
    a[0] = q % 10;
    q = q / 10;
    if (q == 9) {
      nines++;
    } else if (q == 10) {
      printChar(u8(48 + predigit + 1));
      for (let k = 0; k < nines; k++) printChar(48);
      predigit = 0;
      nines = 0;
    } else {
      if (!first) printChar(u8(48 + predigit));
      first = false;
      predigit = i32(q);
      for (let k = 0; k < nines; k++) printChar(57);
      nines = 0;
    }
  }
  printChar(u8(48 + predigit));
  newline();
  return 0;
}
