// load<T>/store<T> on a static buffer's address, at every width.
import { showHex, showI32 } from "../lib/print";

const buf = new StaticArray<u8>(16, 4);

export function main(): i32 {
  const p = addressOf(buf);
  store<u32>(p, 0x11223344);
  showHex("b0", load<u8>(p));
  showHex("b3", load<u8>(p + 3));
  showHex("w0", load<u16>(p));
  showHex("w1", load<u16>(p + 2));
  store<u16>(p + 4, 0xFFFE);
  showI32("i16", load<i16>(p + 4));
  showI32("u16", load<u16>(p + 4));
  store<i8>(p + 6, -3);
  showI32("i8", load<i8>(p + 6));
  showI32("u8", load<u8>(p + 6));
  store<u32>(p + 8, load<u32>(p) + 1);
  showHex("copy+1", load<u32>(p + 8));
  store<bool>(p + 12, true);
  showI32("bool", i32(load<bool>(p + 12)));
  return 0;
}
