// Counting lines, words and bytes like wc.
import { showI32 } from "../lib/print";

export function main(): i32 {
  const text = "Paging lets the CPU translate\na virtual address into a physical\naddress through page tables.\n";
  let lines: i32 = 0;
  let words: i32 = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c == 10) lines++;
    const space = c == 32 || c == 10 || c == 9;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  showI32("lines", lines);
  showI32("words", words);
  showI32("bytes", text.length);
  return 0;
}
