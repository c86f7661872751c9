// The Internet checksum (RFC 1071) of a byte buffer: 16-bit one's-complement sum.
import { showHex } from "../lib/print";

const packet = new StaticArray<u8>(20);

function fill(): void {
  const header = "\x45\x00\x00\x73\x00\x00\x40\x00\x40\x11\x00\x00\xc0\xa8\x00\x01\xc0\xa8\x00\xc7";
  for (let i = 0; i < header.length; i++) packet[i] = header.charCodeAt(i);
}

function checksum(): u16 {
  let sum: u32 = 0;
  for (let i = 0; i < packet.length; i += 2) sum += (u32(packet[i]) << 8) | packet[i + 1];
  while ((sum >>> 16) != 0) sum = (sum & 0xFFFF) + (sum >>> 16);
  return u16(~sum);
}

export function main(): i32 {
  fill();
  showHex("sum", checksum());
  return 0;
}
