// Every load and store happens as written, in order (the MMIO rule): repeated reads are not merged.
import { showI32 } from "../lib/print";

const reg = new StaticArray<u32>(2);

function pollTwice(p: usize): u32 {
  const a = load<u32>(p);
  store<u32>(p, a + 1);
  const b = load<u32>(p);
  store<u32>(p, b + 1);
  return load<u32>(p);
}

export function main(): i32 {
  reg[0] = 40;
  showI32("after", i32(pollTwice(addressOf(reg))));
  showI32("reg", i32(reg[0]));
  return 0;
}
