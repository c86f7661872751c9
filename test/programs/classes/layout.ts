// C layout on i386: fields at multiples of their size, the class padded to its alignment.
import { showU32 } from "../lib/print";

@unmanaged
class Mixed {
  a: u8;
  b: u32;
  c: u16;
}

@unmanaged
class Bytes {
  a: u8;
  b: u8;
  c: u8;
}

@unmanaged
class Header {
  magic: u32;
  flags: u16;
  kind: u8;
  level: i8;
  next: Header;
}

const m = new Mixed();

export function main(): i32 {
  showU32("Mixed", sizeof<Mixed>());
  showU32("Bytes", sizeof<Bytes>());
  showU32("Header", sizeof<Header>());
  const base = addressOf(m);
  showU32("off a", addressOf(m.a) - base);
  showU32("off b", addressOf(m.b) - base);
  showU32("off c", addressOf(m.c) - base);
  showU32("u16", sizeof<u16>());
  showU32("bool", sizeof<bool>());
  return 0;
}
