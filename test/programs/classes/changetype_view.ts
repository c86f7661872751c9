// changetype<S>(address) views memory (here a static byte buffer) as a struct.
import { showI32, showHex } from "../lib/print";

@unmanaged
class Entry {
  base: u32;
  length: u32;
  kind: u32;
}

const raw = new StaticArray<u32>(9);

export function main(): i32 {
  for (let i = 0; i < raw.length; i++) raw[i] = u32(i) * 0x1000 + 1;
  const size = sizeof<Entry>();
  for (let k: usize = 0; k < 3; k++) {
    const e = changetype<Entry>(addressOf(raw) + k * size);
    showHex("base", e.base);
    e.kind = 0xAA;
  }
  showI32("raw[2]", i32(raw[2]));
  showI32("raw[5]", i32(raw[5]));
  return 0;
}
