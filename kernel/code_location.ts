// code_location.ts -- names the code at an address for the fault reports:
//   EIP=0x00101C2A (kernel_main+0x1a5, kernel/main.ts:73)
// from the address-to-line table that `ts386 link --line-table` puts in the image
// (the symbol __ts386_line_table; boot/linker.ld PROVIDEs 0 when it is missing).
// Layout: elf/debug/line-table-object.ts in the toolchain.

import { console_putc, console_write, console_write_hex32, console_write_u32_dec } from "./console.js";

declare function __ts386_line_table(): void;

const LINE_TABLE_MAGIC: u32 = 0x4e4c5354; // "TSLN"
const NO_LINE: u32 = 0xffff;

function write_cstring(addr: usize): void {
  let p: usize = addr;
  while (load<u8>(p) != 0) {
    console_putc(load<u8>(p));
    p += 1;
  }
}

/** Lower-case hex without padding, as in "+0x1a5". */
function write_hex_short(value: u32): void {
  console_write("0x");
  let shift: i32 = 28;
  while (shift > 0 && ((value >> shift) & 0xf) == 0) shift -= 4;
  for (; shift >= 0; shift -= 4) {
    const digit: u32 = (value >> shift) & 0xf;
    console_putc(u8(digit < 10 ? 48 + digit : 87 + digit));
  }
}

/** The function (start, end, name) covering addr: writes "name+0xoff"; false when none does. */
function write_function(table: usize, addr: u32): bool {
  const count: u32 = load<u32>(table + 4);
  const functions: usize = table + load<u32>(table + 8);
  for (let i: u32 = 0; i < count; i++) {
    const entry: usize = functions + i * 12;
    const start: u32 = load<u32>(entry);
    if (addr >= start && addr < load<u32>(entry + 4)) {
      write_cstring(table + load<u32>(entry + 8));
      console_write("+");
      write_hex_short(addr - start);
      return true;
    }
  }
  return false;
}

/** The line row covering addr (the last row at or below it): writes "file:line"; false when none does. */
function write_line(table: usize, addr: u32): bool {
  const count: u32 = load<u32>(table + 12);
  const rows: usize = table + load<u32>(table + 16);
  if (count == 0 || addr < load<u32>(rows)) return false;
  // Binary search for the last row whose address is <= addr.
  let low: u32 = 0;
  let high: u32 = count;
  while (high - low > 1) {
    const mid: u32 = (low + high) / 2;
    if (load<u32>(rows + mid * 8) <= addr) low = mid;
    else high = mid;
  }
  const row: usize = rows + low * 8;
  const file: u32 = load<u16>(row + 6);
  if (file == NO_LINE) return false;
  write_cstring(table + load<u32>(table + load<u32>(table + 24) + file * 4));
  console_write(":");
  console_write_u32_dec(load<u16>(row + 4));
  return true;
}

/** One line: "EIP=0x%08X (function+0xoff, file:line)", with "?" for what the table does not know. */
export function console_write_code_location(eip: u32): void {
  const table: usize = addressOf(__ts386_line_table);
  console_write("EIP=");
  console_write_hex32(eip);
  console_write(" (");
  if (table == 0 || load<u32>(table) != LINE_TABLE_MAGIC) {
    console_write("no line table linked)");
    console_putc(10);
    return;
  }
  if (!write_function(table, eip)) console_write("?");
  console_write(", ");
  if (!write_line(table, eip)) console_write("?");
  console_write(")");
  console_putc(10);
}
