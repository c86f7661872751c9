// Fused instruction patterns whose operand the expression itself reassigns part way (a
// loop keeps each variable in one IR temp): x / y then x % y after y changed, a rotate
// whose count changes after the shl, a bit test whose bit changes after the shift, a
// read-modify-write whose index changes after the address, a shift count's `& 31`.
import { newline, print, printU32 } from "../lib/print";

const cells = new StaticArray<u32>(8);
const input = new StaticArray<u32>(3);

function mix(x: u32, y: u32, n: u32): u32 {
  let t: u32 = 0;
  for (let i = 0; i < 6; i++) {
    t += (x / y) + (x % (y = y + 1));
    t ^= (x << n) | (x >>> (32 - (n = n + 3)));
    if (((x >>> n) & ((n = n + 1), 1)) != 0) t += 7;
    cells[n & 7] = cells[n & 7] + (n = n + 5);
    t += (x << (n & 31)) + (n = n ^ 9);
    x = x * 2654435761 + t;
  }
  return t + x + y + n;
}

export function main(): i32 {
  input[0] = 0x12345678;
  input[1] = 7;
  input[2] = 4;
  printU32(mix(input[0], input[1], input[2]));
  newline();
  printU32(mix(input[1], input[2], input[0]));
  newline();
  for (let k = 0; k < 8; k++) {
    printU32(cells[k]);
    print(" ");
  }
  newline();
  return 0;
}
