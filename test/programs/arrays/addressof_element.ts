// addressOf(array[i]) is the element's address; load/store reach the same memory.
import { showI32, showBool } from "../lib/print";

const words = new StaticArray<u32>(4);

export function main(): i32 {
  const base = addressOf(words);
  showBool("elem0", addressOf(words[0]) == base);
  showI32("delta", i32(addressOf(words[3]) - base));
  store<u32>(addressOf(words[2]), 0xABCD);
  showI32("words[2]", i32(words[2]));
  words[1] = 0x01020304;
  showI32("byte", load<u8>(base + 4));
  showI32("byte3", load<u8>(addressOf(words[1]) + 3));
  return 0;
}
