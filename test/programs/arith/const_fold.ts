// Constant expressions fold at compile time with the same rules as run-time code.
import { showI32, showU32, showHex } from "../lib/print";

const PAGE_SIZE: u32 = 4096;
const ENTRIES = 1024;
const MIB: u32 = 1024 * 1024;
const MAP_MIB: u32 = 16;
const TABLES = MAP_MIB * MIB / (PAGE_SIZE * ENTRIES);
const FRAME_MASK: u32 = ~(PAGE_SIZE - 1);
const NEG = -7 / 2;
const WRAPPED: u8 = u8(300);
const SIGNED: i8 = i8(200);

export function main(): i32 {
  showU32("tables", TABLES);
  showHex("mask", FRAME_MASK);
  showI32("neg", NEG);
  showI32("wrapped", WRAPPED);
  showI32("signed", SIGNED);
  showI32("entries*4", ENTRIES * 4);
  showU32("shifted", PAGE_SIZE >> 12);
  showI32("rem", -7 % 3);
  return 0;
}
