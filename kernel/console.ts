// console.ts -- the kernel console.
//
// Every byte written goes to each registered console driver in turn (the
// serial port and the VGA text screen), so a test reading COM1 sees exactly
// what a person sees on the screen. Formatting lives here, once: strings,
// lines, 0x%08X hexadecimal and unsigned decimal.

/** Prepares a device; called once by console_init_all(). */
export type ConsoleInit = () => void;
/** Writes one byte; '\n' means "start a new line" and each driver renders it. */
export type ConsolePutc = (c: u8) => void;

const MAX_DRIVERS = 4;

const driver_inits = new StaticArray<ConsoleInit>(MAX_DRIVERS);
const driver_putcs = new StaticArray<ConsolePutc>(MAX_DRIVERS);
let driver_count: i32 = 0;

/** Adds a driver; extra drivers beyond MAX_DRIVERS are ignored (nobody could be told). */
export function console_register(init: ConsoleInit, putc: ConsolePutc): void {
  if (driver_count == MAX_DRIVERS) return;
  driver_inits[driver_count] = init;
  driver_putcs[driver_count] = putc;
  driver_count++;
}

export function console_init_all(): void {
  for (let i: i32 = 0; i < driver_count; i++) {
    const init = driver_inits[i];
    init();
  }
}

export function console_putc(c: u8): void {
  for (let i: i32 = 0; i < driver_count; i++) {
    const putc = driver_putcs[i];
    putc(c);
  }
}

export function console_write(s: string): void {
  for (let i: i32 = 0; i < s.length; i++) {
    console_putc(u8(s.charCodeAt(i)));
  }
}

export function console_writeln(s: string): void {
  console_write(s);
  console_putc(10);
}

/** Writes `len` bytes starting at `addr` (e.g. a message the compiler placed in .rodata). */
export function console_write_bytes(addr: usize, len: usize): void {
  for (let i: usize = 0; i < len; i++) {
    console_putc(load<u8>(addr + i));
  }
}

/** 0x%08X: "0x" and eight upper-case hex digits, as the chapter prints addresses. */
export function console_write_hex32(value: u32): void {
  console_write("0x");
  for (let shift: i32 = 28; shift >= 0; shift -= 4) {
    const digit: u32 = (value >> shift) & 0xF;
    if (digit < 10) {
      console_putc(u8(48 + digit)); // '0'..'9'
    } else {
      console_putc(u8(55 + digit)); // 'A'..'F'
    }
  }
}

/** Unsigned decimal, no padding. */
export function console_write_u32_dec(value: u32): void {
  // The largest power of ten not above value, then one digit per power.
  let divisor: u32 = 1;
  while (value / divisor >= 10) {
    divisor *= 10;
  }
  while (divisor != 0) {
    console_putc(u8(48 + (value / divisor) % 10));
    divisor /= 10;
  }
}
