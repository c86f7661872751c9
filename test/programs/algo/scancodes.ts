// Set-1 keyboard scancodes to ASCII through a lookup string, with shift and key releases.
import { printChar, newline } from "../lib/print";

const LOWER = "\x00\x1b1234567890-=\x08\tqwertyuiop[]\n\x00asdfghjkl;'`\x00\\zxcvbnm,./\x00*\x00 ";
const UPPER = "\x00\x1b!@#$%^&*()_+\x08\tQWERTYUIOP{}\n\x00ASDFGHJKL:\"~\x00|ZXCVBNM<>?\x00*\x00 ";
let shift = false;

function handle(code: u8): void {
  if (code == 0x2A || code == 0x36) {
    shift = true;
    return;
  }
  if (code == 0xAA || code == 0xB6) {
    shift = false;
    return;
  }
  if ((code & 0x80) != 0 || code >= LOWER.length) return;
  const c = shift ? UPPER.charCodeAt(code) : LOWER.charCodeAt(code);
  if (c != 0) printChar(c);
}

export function main(): i32 {
  const keys = "\x2a\x23\xaa\x12\x26\x26\x18\x33\x39\x2a\x11\xaa\x18\x13\x26\x20\x2a\x02\xaa\x1c";
  for (let i = 0; i < keys.length; i++) handle(keys.charCodeAt(i));
  newline();
  return 0;
}
