// A ring buffer (like a keyboard queue) with wrap-around head and tail.
import { showI32, showBool } from "../lib/print";

const CAPACITY = 8;
const ring = new StaticArray<u8>(CAPACITY);
let head: u32 = 0;
let tail: u32 = 0;

function push(b: u8): bool {
  if (head - tail == CAPACITY) return false;
  ring[head % CAPACITY] = b;
  head++;
  return true;
}

function pop(): i32 {
  if (head == tail) return -1;
  const b = ring[tail % CAPACITY];
  tail++;
  return b;
}

export function main(): i32 {
  let accepted: i32 = 0;
  for (let i = 0; i < 10; i++) if (push(u8(i * 3))) accepted++;
  showI32("accepted", accepted);
  showI32("pop", pop());
  showI32("pop", pop());
  showBool("push", push(200));
  let sum: i32 = 0;
  let v = pop();
  while (v >= 0) {
    sum += v;
    v = pop();
  }
  showI32("sum", sum);
  showI32("empty", pop());
  return 0;
}
