// FNV-1a hashes of 24 string literals (kernel messages and identifiers), read byte by
// byte with charCodeAt, 3000 times with a different seed each round.
import { report } from "./lib/report";

const WORDS = 24;
const words = new StaticArray<string>(WORDS);

function initWords(): void {
  words[0] = "kernel";
  words[1] = "page fault at address";
  words[2] = "general protection fault";
  words[3] = "double fault";
  words[4] = "invalid opcode";
  words[5] = "Toyix";
  words[6] = "timer interrupt";
  words[7] = "keyboard";
  words[8] = "serial port COM1 initialised";
  words[9] = "identity paging enabled for the first 16 MiB";
  words[10] = "multiboot";
  words[11] = "a";
  words[12] = "physical memory manager";
  words[13] = "bitmap";
  words[14] = "interrupt descriptor table loaded";
  words[15] = "global descriptor table";
  words[16] = "PIC remapped to vectors 32..47";
  words[17] = "idle";
  words[18] = "panic: index out of bounds";
  words[19] = "the quick brown fox jumps over the lazy dog";
  words[20] = "0123456789ABCDEF";
  words[21] = "scancode set 1";
  words[22] = "VGA text mode 80x25";
  words[23] = "";
}

function fnv1a(s: string, seed: u32): u32 {
  let hash: u32 = 2166136261 ^ seed;
  for (let i = 0; i < s.length; i++) {
    hash = (hash ^ s.charCodeAt(i)) * 16777619;
  }
  return hash;
}

export function bench_run(): u32 {
  initWords();
  let checksum: u32 = 0;
  for (let round: u32 = 0; round < 3000; round++) {
    for (let w = 0; w < WORDS; w++) checksum = (checksum << 5) + (checksum >>> 27) + fnv1a(words[w], round);
  }
  return checksum;
}

export function main(): i32 {
  report("string_hash", bench_run());
  return 0;
}
