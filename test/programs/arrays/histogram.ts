// Letter frequencies of a sentence, printed as a bar chart for the top letters.
import { print, printChar, newline } from "../lib/print";

const counts = new StaticArray<u16>(26);

export function main(): i32 {
  const text = "the quick brown fox jumps over the lazy dog and then the fox sleeps";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) counts[c - 97]++;
  }
  for (let letter = 0; letter < 26; letter++) {
    if (counts[letter] < 4) continue;
    printChar(u8(97 + letter));
    print(" ");
    for (let k: u16 = 0; k < counts[letter]; k++) print("#");
    newline();
  }
  return 0;
}
