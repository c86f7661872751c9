// @packed removes padding: the 6-byte GDT/IDT pointer that lgdt/lidt read.
import { showU32, showHex } from "../lib/print";

@unmanaged
@packed
class DescriptorPointer {
  limit: u16;
  base: u32;
}

const gdtr = new DescriptorPointer();
const gdt = new StaticArray<u32>(6, 8);

export function main(): i32 {
  gdtr.limit = u16(gdt.length * 4 - 1);
  gdtr.base = u32(addressOf(gdt));
  showU32("size", sizeof<DescriptorPointer>());
  showU32("limit", load<u16>(addressOf(gdtr)));
  showHex("base ok", load<u32>(addressOf(gdtr) + 2) == u32(addressOf(gdt)) ? 1 : 0);
  return 0;
}
