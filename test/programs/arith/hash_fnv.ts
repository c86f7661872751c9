// FNV-1a hashes of strings (u32 multiply wraps).
import { showHex } from "../lib/print";

function fnv1a(s: string): u32 {
  let h: u32 = 0x811C9DC5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h *= 16777619;
  }
  return h;
}

export function main(): i32 {
  showHex("empty", fnv1a(""));
  showHex("a", fnv1a("a"));
  showHex("foobar", fnv1a("foobar"));
  showHex("toyix", fnv1a("Toyix kernel alive"));
  return 0;
}
