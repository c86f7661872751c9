// Base64 encoding of strings.
import { printChar, newline } from "../lib/print";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function encode(s: string): void {
  let i: i32 = 0;
  while (i + 3 <= s.length) {
    const n = (u32(s.charCodeAt(i)) << 16) | (u32(s.charCodeAt(i + 1)) << 8) | s.charCodeAt(i + 2);
    for (let k = 0; k < 4; k++) printChar(ALPHABET.charCodeAt(i32((n >>> (18 - 6 * k)) & 63)));
    i += 3;
  }
  const rest = s.length - i;
  if (rest > 0) {
    let n = u32(s.charCodeAt(i)) << 16;
    if (rest == 2) n |= u32(s.charCodeAt(i + 1)) << 8;
    printChar(ALPHABET.charCodeAt(i32((n >>> 18) & 63)));
    printChar(ALPHABET.charCodeAt(i32((n >>> 12) & 63)));
    printChar(rest == 2 ? ALPHABET.charCodeAt(i32((n >>> 6) & 63)) : 61);
    printChar(61);
  }
  newline();
}

export function main(): i32 {
  encode("Man");
  encode("Ma");
  encode("M");
  encode("Toyix kernel alive");
  encode("");
  return 0;
}
