// 2^100 and 30! in decimal, with base-10000 limbs in a static array.
import { print, printU32, newline } from "../lib/print";

const LIMBS = 40;
const n = new StaticArray<u32>(LIMBS);

function setOne(): void {
  for (let i = 0; i < LIMBS; i++) n[i] = 0;
  n[0] = 1;
}

function multiply(k: u32): void {
  let carry: u32 = 0;
  for (let i = 0; i < LIMBS; i++) {
    const v = n[i] * k + carry;
    n[i] = v % 10000;
    carry = v / 10000;
  }
}

function show(): void {
  let top = LIMBS - 1;
  while (top > 0 && n[top] == 0) top--;
  printU32(n[top]);
  for (let i = top - 1; i >= 0; i--) {
    const v = n[i];
    if (v < 1000) print("0");
    if (v < 100) print("0");
    if (v < 10) print("0");
    printU32(v);
  }
  newline();
}

export function main(): i32 {
  setOne();
  for (let i = 0; i < 100; i++) multiply(2);
  show();
  setOne();
  for (let i: u32 = 2; i <= 30; i++) multiply(i);
  show();
  return 0;
}
