// Sieve of Eratosthenes over 1 Mi bytes: byte stores with a variable stride.
import { report } from "./lib/report";

const LIMIT = 1048576;
const composite = new StaticArray<u8>(LIMIT);

export function bench_run(): u32 {
  let checksum: u32 = 0;
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < LIMIT; i++) composite[i] = 0;
    for (let i = 2; i * i < LIMIT; i++) {
      if (composite[i] == 0) {
        for (let j = i * i; j < LIMIT; j += i) composite[j] = 1;
      }
    }
    let count: u32 = 0;
    let sum: u32 = 0;
    for (let i = 2; i < LIMIT; i++) {
      if (composite[i] == 0) {
        count++;
        sum += u32(i);
      }
    }
    checksum = checksum * 31 + (count ^ sum);
  }
  return checksum;
}

export function main(): i32 {
  report("sieve", bench_run());
  return 0;
}
