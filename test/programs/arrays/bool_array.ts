// bool elements (one byte each): the sieve of Eratosthenes.
import { showI32 } from "../lib/print";

const composite = new StaticArray<bool>(1000);

export function main(): i32 {
  let count: i32 = 0;
  let sum: i32 = 0;
  for (let i = 2; i < composite.length; i++) {
    if (composite[i]) continue;
    count++;
    sum += i;
    for (let j = i * i; j < composite.length; j += i) composite[j] = true;
  }
  showI32("primes", count);
  showI32("sum", sum);
  return 0;
}
