// A hexdump of a string's bytes, 8 per line, with an ASCII column.
import { print, printChar, newline } from "../lib/print";

function hexByte(b: u8): void {
  const digits = "0123456789abcdef";
  printChar(digits.charCodeAt(b >> 4));
  printChar(digits.charCodeAt(b & 15));
}

function dump(s: string): void {
  for (let line = 0; line < s.length; line += 8) {
    hexByte(u8(line >> 8));
    hexByte(u8(line));
    print(": ");
    for (let i = line; i < line + 8; i++) {
      if (i < s.length) hexByte(s.charCodeAt(i));
      else print("  ");
      print(" ");
    }
    print("|");
    for (let i = line; i < line + 8 && i < s.length; i++) {
      const c = s.charCodeAt(i);
      printChar(c >= 32 && c < 127 ? c : 46);
    }
    print("|");
    newline();
  }
}

export function main(): i32 {
  dump("Multiboot\x02\xB0\xAD\x1B!");
  return 0;
}
