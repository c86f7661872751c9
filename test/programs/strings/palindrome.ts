// Palindrome check ignoring case and non-letters.
import { showBool } from "../lib/print";

function lower(c: u8): u8 {
  return u8(c >= 65 && c <= 90 ? c + 32 : c);
}

function isLetter(c: u8): bool {
  const l = lower(c);
  return l >= 97 && l <= 122;
}

function palindrome(s: string): bool {
  let i: i32 = 0;
  let j: i32 = s.length - 1;
  while (i < j) {
    if (!isLetter(s.charCodeAt(i))) { i++; continue; }
    if (!isLetter(s.charCodeAt(j))) { j--; continue; }
    if (lower(s.charCodeAt(i)) != lower(s.charCodeAt(j))) return false;
    i++;
    j--;
  }
  return true;
}

export function main(): i32 {
  showBool("panama", palindrome("A man, a plan, a canal: Panama"));
  showBool("toyix", palindrome("Toyix"));
  showBool("empty", palindrome(""));
  return 0;
}
