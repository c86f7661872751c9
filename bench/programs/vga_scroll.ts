// VGA text-mode console: 80x25 cells of u16 (attribute << 8 | character). Each line
// printed at the bottom row scrolls the screen: rows 1..24 move up one row and the last
// row is cleared, as a kernel console does on the real buffer at 0xB8000.
import { report } from "./lib/report";

const COLUMNS = 80;
const ROWS = 25;
const BLANK: u16 = 0x0720;
const screen = new StaticArray<u16>(2000);

function scroll(): void {
  for (let i = 0; i < COLUMNS * (ROWS - 1); i++) screen[i] = screen[i + COLUMNS];
  for (let i = COLUMNS * (ROWS - 1); i < COLUMNS * ROWS; i++) screen[i] = BLANK;
}

function putLine(lineNumber: u32): void {
  const base = COLUMNS * (ROWS - 1);
  const attribute: u16 = u16(((lineNumber & 7) + 8) << 8);
  for (let column = 0; column < COLUMNS; column++) {
    const character = u16(33 + (lineNumber + u32(column) * 7) % 94);
    screen[base + column] = attribute | character;
  }
}

export function bench_run(): u32 {
  for (let i = 0; i < COLUMNS * ROWS; i++) screen[i] = BLANK;
  for (let line: u32 = 0; line < 3000; line++) {
    scroll();
    putLine(line);
  }
  let checksum: u32 = 0;
  for (let i = 0; i < COLUMNS * ROWS; i++) checksum = checksum * 31 + screen[i];
  return checksum;
}

export function main(): i32 {
  report("vga_scroll", bench_run());
  return 0;
}
