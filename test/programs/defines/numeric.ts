// ts386-define: IDENTITY_MAP_MIB=32
// An integer define: a compile-time constant that sizes a static array.
import { showI32, showU32 } from "../lib/print";

declare const IDENTITY_MAP_MIB: u32;

const TABLE_COUNT = IDENTITY_MAP_MIB / 4;
const directory = new StaticArray<u32>(TABLE_COUNT);

export function main(): i32 {
  showU32("mib", IDENTITY_MAP_MIB);
  showU32("tables", TABLE_COUNT);
  showI32("entries", directory.length);
  return 0;
}
