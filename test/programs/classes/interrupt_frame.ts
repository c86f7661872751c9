// Decoding an interrupt frame laid out by an assembly stub (like Toyix's isr_handler).
import { print, println, showHex, showI32 } from "../lib/print";

@unmanaged
class InterruptFrame {
  gs: u32; fs: u32; es: u32; ds: u32;
  edi: u32; esi: u32; ebp: u32; esp: u32; ebx: u32; edx: u32; ecx: u32; eax: u32;
  interruptNumber: u32;
  errorCode: u32;
  eip: u32; cs: u32; eflags: u32;
}

const stackImage = new StaticArray<u32>(17);

function describeError(code: u32): void {
  print((code & 0x01) != 0 ? "present-protection " : "not-present ");
  print((code & 0x02) != 0 ? "write " : "read ");
  print((code & 0x04) != 0 ? "user " : "supervisor ");
  if ((code & 0x08) != 0) print("reserved-bit ");
  if ((code & 0x10) != 0) print("instruction-fetch ");
  println("");
}

export function main(): i32 {
  for (let i = 0; i < stackImage.length; i++) stackImage[i] = u32(i) * 0x11;
  stackImage[12] = 14;
  stackImage[13] = 0x6;
  stackImage[14] = 0x0010A123;
  const frame = changetype<InterruptFrame>(addressOf(stackImage));
  showI32("vector", i32(frame.interruptNumber));
  showHex("EIP", frame.eip);
  showHex("eax", frame.eax);
  describeError(frame.errorCode);
  describeError(0x11);
  showI32("size", i32(sizeof<InterruptFrame>()));
  return 0;
}
