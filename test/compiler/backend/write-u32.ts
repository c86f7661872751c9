// TypeScript source for test programs (--target linux) that print u32 values: one decimal
// number per line on stdout, through sys_write.

export const WRITE_U32_SOURCE = `
const digits = new StaticArray<u8>(11);
export function writeU32(v: u32): void {
  digits[10] = 10;
  let i = 10;
  do {
    i--;
    digits[i] = u8(48 + v % 10);
    v = v / 10;
  } while (v != 0);
  sys_write(1, addressOf(digits) + usize(i), usize(11 - i));
}
`;
