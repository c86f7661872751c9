// A VGA text console model: 16-bit cells (attribute << 8 | char), cursor, newline and scrolling.
import { printChar, newline, showI32, showHex } from "../lib/print";

const COLS = 20;
const ROWS = 4;
const screen = new StaticArray<u16>(COLS * ROWS);
let row: i32 = 0;
let col: i32 = 0;
const ATTR: u16 = 0x0F;

function scroll(): void {
  for (let i = 0; i < (ROWS - 1) * COLS; i++) screen[i] = screen[i + COLS];
  for (let i = (ROWS - 1) * COLS; i < ROWS * COLS; i++) screen[i] = (ATTR << 8) | 32;
  row = ROWS - 1;
}

function putc(c: u8): void {
  if (c == 10) {
    col = 0;
    row++;
  } else {
    screen[row * COLS + col] = (ATTR << 8) | c;
    col++;
    if (col == COLS) {
      col = 0;
      row++;
    }
  }
  if (row == ROWS) scroll();
}

function write(s: string): void {
  for (let i = 0; i < s.length; i++) putc(s.charCodeAt(i));
}

function dump(): void {
  for (let r = 0; r < ROWS; r++) {
    for (let c = 0; c < COLS; c++) {
      const cell = screen[r * COLS + c];
      printChar(cell == 0 ? 46 : u8(cell & 0xFF));
    }
    newline();
  }
}

export function main(): i32 {
  write("Toyix kernel alive\n");
  write("Boot protocol: Multiboot OK\n");
  write("GDT\nIDT\nPIC");
  dump();
  showI32("row", row);
  showI32("col", col);
  showHex("cell", screen[0]);
  return 0;
}
