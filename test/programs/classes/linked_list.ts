// A linked list of nodes taken from a static pool, with class-typed `next` fields and null.
import { showI32 } from "../lib/print";

@unmanaged
class Node {
  value: i32;
  next: Node | null;
}

const POOL = 16;
const pool = new StaticArray<u8>(POOL * 8, 4);
let used: i32 = 0;
let head: Node | null = null;

function alloc(value: i32): Node {
  const n = changetype<Node>(addressOf(pool) + usize(used) * sizeof<Node>());
  used++;
  n.value = value;
  n.next = null;
  return n;
}

function push(value: i32): void {
  const n = alloc(value);
  n.next = head;
  head = n;
}

function reverse(): void {
  let prev: Node | null = null;
  let cur = head;
  while (cur != null) {
    const next = cur.next;
    cur.next = prev;
    prev = cur;
    cur = next;
  }
  head = prev;
}

function sum(): i32 {
  let s: i32 = 0;
  let weight: i32 = 1;
  for (let n = head; n != null; n = n.next) {
    s += n.value * weight;
    weight++;
  }
  return s;
}

export function main(): i32 {
  for (let i = 1; i <= 5; i++) push(i * 10);
  showI32("sum", sum());
  reverse();
  showI32("reversed", sum());
  showI32("head", head != null ? head.value : -1);
  return 0;
}
