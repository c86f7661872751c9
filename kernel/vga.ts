// vga.ts -- console driver for the VGA text screen (80x25 at 0xB8000).
//
// Each cell is a 16-bit word: the character in the low byte, the colour
// attribute in the high byte. When the cursor falls off the last row, all
// rows move up by one and the last row is cleared. The blinking hardware
// cursor follows the write position so typed characters appear under it.

const VGA_BUFFER: usize = 0xB8000;
const VGA_COLUMNS: u32 = 80;
const VGA_ROWS: u32 = 25;
const VGA_ATTRIBUTE: u16 = 0x0700; // light grey on black
const VGA_BLANK: u16 = 0x0720; // a space in that colour

const CRTC_INDEX: u16 = 0x3D4;
const CRTC_DATA: u16 = 0x3D5;
const CRTC_CURSOR_HIGH: u8 = 0x0E;
const CRTC_CURSOR_LOW: u8 = 0x0F;

let row: u32 = 0;
let column: u32 = 0;

function cell_address(r: u32, c: u32): usize {
  return VGA_BUFFER + (r * VGA_COLUMNS + c) * 2;
}

function move_hardware_cursor(): void {
  const position: u32 = row * VGA_COLUMNS + column;
  outb(CRTC_INDEX, CRTC_CURSOR_HIGH);
  outb(CRTC_DATA, u8(position >> 8));
  outb(CRTC_INDEX, CRTC_CURSOR_LOW);
  outb(CRTC_DATA, u8(position));
}

function clear_row(r: u32): void {
  for (let c: u32 = 0; c < VGA_COLUMNS; c++) {
    store<u16>(cell_address(r, c), VGA_BLANK);
  }
}

function scroll_up(): void {
  // Rows 1..24 move to 0..23, two cells (one u32) at a time.
  const bytes_to_move: u32 = (VGA_ROWS - 1) * VGA_COLUMNS * 2;
  const row_bytes: u32 = VGA_COLUMNS * 2;
  for (let offset: u32 = 0; offset < bytes_to_move; offset += 4) {
    store<u32>(VGA_BUFFER + offset, load<u32>(VGA_BUFFER + offset + row_bytes));
  }
  clear_row(VGA_ROWS - 1);
}

function new_line(): void {
  column = 0;
  row++;
  if (row == VGA_ROWS) {
    scroll_up();
    row = VGA_ROWS - 1;
  }
}

export function vga_init(): void {
  for (let r: u32 = 0; r < VGA_ROWS; r++) {
    clear_row(r);
  }
  row = 0;
  column = 0;
  move_hardware_cursor();
}

export function vga_putc(c: u8): void {
  if (c == 10) {
    new_line();
  } else if (c == 13) {
    column = 0;
  } else if (c == 8) {
    // Backspace: step back and blank the cell (not past the start of the row).
    if (column > 0) {
      column--;
      store<u16>(cell_address(row, column), VGA_BLANK);
    }
  } else if (c == 9) {
    // Tab: to the next multiple of 8 columns.
    column = (column / 8 + 1) * 8;
    if (column >= VGA_COLUMNS) new_line();
  } else {
    store<u16>(cell_address(row, column), u16(VGA_ATTRIBUTE | c));
    column++;
    if (column == VGA_COLUMNS) new_line();
  }
  move_hardware_cursor();
}
