// The one line every benchmark prints: "NAME 0xXXXXXXXX\n", the checksum of its work.
// Called by main after bench_run, so it is not part of the measured instructions.

const line = new StaticArray<u8>(80);

/** Writes "name 0x" + 8 upper-case hex digits of checksum + newline to stdout. */
export function report(name: string, checksum: u32): void {
  let n: i32 = 0;
  for (let i = 0; i < name.length && n < 60; i++) {
    line[n] = name.charCodeAt(i);
    n++;
  }
  line[n] = 32;
  line[n + 1] = 48;
  line[n + 2] = 120;
  n += 3;
  for (let i = 0; i < 8; i++) {
    const digit = u8((checksum >>> (28 - 4 * i)) & 15);
    line[n] = u8(digit < 10 ? 48 + digit : 55 + digit);
    n++;
  }
  line[n] = 10;
  sys_write(1, addressOf(line), usize(n + 1));
}
