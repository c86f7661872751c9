// The tiny print library of the test programs: strings, decimal and hex through
// sys_write, with a static buffer for the digits.

const buffer = new StaticArray<u8>(40);

/** Writes a string to stdout. */
export function print(s: string): void {
  sys_write(1, addressOf(s), usize(s.length));
}

export function println(s: string): void {
  print(s);
  newline();
}

export function newline(): void {
  buffer[0] = 10;
  sys_write(1, addressOf(buffer), 1);
}

export function printChar(c: u8): void {
  buffer[0] = c;
  sys_write(1, addressOf(buffer), 1);
}

/** Unsigned decimal. */
export function printU32(n: u32): void {
  let i: i32 = 40;
  do {
    i--;
    buffer[i] = u8(48 + n % 10);
    n = n / 10;
  } while (n != 0);
  sys_write(1, addressOf(buffer) + usize(i), usize(40 - i));
}

/** Signed decimal. */
export function printI32(n: i32): void {
  if (n < 0) {
    printChar(45);
    printU32(u32(0) - u32(n));
  } else {
    printU32(u32(n));
  }
}

/** 0x-prefixed, 8 hex digits, upper case (as the Toyix console prints). */
export function printHex(n: u32): void {
  buffer[0] = 48;
  buffer[1] = 120;
  for (let i = 0; i < 8; i++) {
    const digit = u8((n >>> (28 - 4 * i)) & 15);
    buffer[2 + i] = u8(digit < 10 ? 48 + digit : 55 + digit);
  }
  sys_write(1, addressOf(buffer), 10);
}

/** "label value\n" helpers keep the programs short. */
export function showI32(label: string, n: i32): void {
  print(label);
  print(" ");
  printI32(n);
  newline();
}

export function showU32(label: string, n: u32): void {
  print(label);
  print(" ");
  printU32(n);
  newline();
}

export function showHex(label: string, n: u32): void {
  print(label);
  print(" ");
  printHex(n);
  newline();
}

export function showBool(label: string, b: bool): void {
  print(label);
  print(b ? " true" : " false");
  newline();
}
