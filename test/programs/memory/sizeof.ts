// sizeof<T>() of integer types, bool, references and classes is a usize constant.
import { showU32 } from "../lib/print";

@unmanaged
class Pair {
  a: u16;
  b: u32;
}

export function main(): i32 {
  showU32("u8", sizeof<u8>());
  showU32("i16", sizeof<i16>());
  showU32("u32", sizeof<u32>());
  showU32("usize", sizeof<usize>());
  showU32("bool", sizeof<bool>());
  showU32("string", sizeof<string>());
  showU32("Pair", sizeof<Pair>());
  const table = new_table_size();
  showU32("table", table);
  return 0;
}

function new_table_size(): usize {
  return 1024 * sizeof<u32>();
}
