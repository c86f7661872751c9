// Run-length encoding and decoding of byte strings.
import { print, printChar, printI32, newline, showBool } from "../lib/print";

const encoded = new StaticArray<u8>(64);
let encodedLength: i32 = 0;

function encode(s: string): void {
  encodedLength = 0;
  let i: i32 = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    let run: i32 = 1;
    while (i + run < s.length && s.charCodeAt(i + run) == c && run < 255) run++;
    encoded[encodedLength++] = u8(run);
    encoded[encodedLength++] = c;
    i += run;
  }
}

function decodesTo(s: string): bool {
  let k: i32 = 0;
  for (let i = 0; i < encodedLength; i += 2) {
    for (let r: u8 = 0; r < encoded[i]; r++) {
      if (k >= s.length || s.charCodeAt(k) != encoded[i + 1]) return false;
      k++;
    }
  }
  return k == s.length;
}

function show(): void {
  for (let i = 0; i < encodedLength; i += 2) {
    printI32(encoded[i]);
    printChar(encoded[i + 1]);
  }
  newline();
}

export function main(): i32 {
  const s = "WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW";
  encode(s);
  show();
  showBool("roundtrip", decodesTo(s));
  encode("abc");
  show();
  print("pairs ");
  printI32(encodedLength / 2);
  newline();
  return 0;
}
