// Narrow fields: stores truncate, loads extend by the field's signedness.
import { showI32 } from "../lib/print";

@unmanaged
class Regs {
  al: u8;
  sb: i8;
  ax: u16;
  sw: i16;
}

const r = new Regs();

export function main(): i32 {
  r.al = 0xFF;
  r.al += 2;
  r.sb = -100;
  r.sb -= 100;
  r.ax = 0xFFFF;
  r.ax++;
  r.sw = i16(0x8000);
  showI32("al", r.al);
  showI32("sb", r.sb);
  showI32("ax", r.ax);
  showI32("sw", r.sw);
  showI32("raw", load<u8>(addressOf(r) + 1));
  return 0;
}
