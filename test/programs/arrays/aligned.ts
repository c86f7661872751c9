// The second argument of new StaticArray aligns its storage (page tables need 4096).
import { showBool, showI32 } from "../lib/print";

const small = new StaticArray<u8>(3);
const page = new StaticArray<u32>(1024, 4096);
const other = new StaticArray<u8>(5, 16);

export function main(): i32 {
  small[0] = 1;
  showBool("page aligned", (addressOf(page) & 4095) == 0);
  showBool("16 aligned", (addressOf(other) & 15) == 0);
  showI32("page len", page.length);
  page[1023] = 5;
  showI32("last", i32(page[1023]));
  return 0;
}
