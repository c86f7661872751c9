// Parsing decimal and hexadecimal numbers from strings.
import { showI32, showHex } from "../lib/print";

function parseDecimal(s: string): i32 {
  let i: i32 = 0;
  let negative = false;
  if (s.length > 0 && s.charCodeAt(0) == 45) {
    negative = true;
    i = 1;
  }
  let v: i32 = 0;
  for (; i < s.length; i++) v = v * 10 + (s.charCodeAt(i) - 48);
  return negative ? -v : v;
}

function hexDigit(c: u8): u32 {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return 0;
}

function parseHex(s: string): u32 {
  let v: u32 = 0;
  for (let i = 2; i < s.length; i++) v = (v << 4) | hexDigit(s.charCodeAt(i));
  return v;
}

export function main(): i32 {
  showI32("dec", parseDecimal("12345"));
  showI32("neg", parseDecimal("-987"));
  showI32("zero", parseDecimal("0"));
  showHex("hex", parseHex("0xCafeBabe"));
  showHex("hex2", parseHex("0x10"));
  return 0;
}
