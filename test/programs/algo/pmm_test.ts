// Toyix's PMM sanity test on a free-page stack: allocate, free, reallocate, check reuse.
import { println, showI32, showHex } from "../lib/print";

const MAX_FRAMES = 128;
const freeStack = new StaticArray<u32>(MAX_FRAMES);
let top: i32 = 0;

function pmmInit(first: u32, count: i32): void {
  for (let i = count - 1; i >= 0; i--) freeStack[top++] = first + u32(i) * 4096;
}

function pmmAlloc(): u32 {
  return top == 0 ? 0 : freeStack[--top];
}

function pmmFree(frame: u32): void {
  freeStack[top++] = frame;
}

export function main(): i32 {
  println("PMM: parsing Multiboot memory map");
  pmmInit(0x00200000, 100);
  showI32("free", top);
  const a = pmmAlloc();
  const b = pmmAlloc();
  showHex("a", a);
  showHex("b", b);
  pmmFree(a);
  const c = pmmAlloc();
  if (c == a && b == a + 4096 && (a & 0xFFF) == 0) println("PMM test: allocation/free sanity check passed");
  else println("PMM test: FAILED");
  showI32("free", top);
  return 0;
}
