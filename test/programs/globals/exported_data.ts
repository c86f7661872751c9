// Exported module-level data are global symbols (assembly can use them); exported consts still fold.
import { showI32, showHex } from "../lib/print";

export const KERNEL_MAGIC: u32 = 0x1BADB002;
export let bootCount: i32 = 41;
export const kernelStack = new StaticArray<u8>(64, 16);

export function main(): i32 {
  bootCount++;
  showI32("boot", bootCount);
  showHex("magic", KERNEL_MAGIC);
  showI32("stack", kernelStack.length);
  return 0;
}
