// A local read by an earlier operand keeps that value when a later part of the same
// expression assigns it, also when the read passes through a conversion that keeps the
// local's own temp (an argument of the parameter's type, i32(p) of an i8, u32(p) of a
// u32, changetype<S>(q)): 3, then p = 4, gives 304, 7 and 3 % 13.
import { showI32, showU32 } from "../lib/print";

@unmanaged
class Pair {
  first: i32;
  second: i32;
}

const words = new StaticArray<i32>(4);

function firstOf(p: Pair, next: usize): i32 {
  return p.first * 100 + i32(next - addressOf(words));
}

function view(q: usize): i32 {
  return firstOf(changetype<Pair>(q), (q = q + 8));
}

function two(a: i32, b: i32): i32 {
  return a * 100 + b;
}

function wide(a: u32, b: u8): u32 {
  return a * 1000 + u32(b);
}

function argument(p: i32): i32 {
  return two(p, (p = p + 1));
}

function narrowArgument(p: i8): i32 {
  return two(i32(p), (p = i8(p + 1)));
}

function widened(p: i8): i32 {
  return i32(p) + (p = i8(p + 1));
}

function sameType(p: u32): u32 {
  return u32(p) % (p = p + 10);
}

function implicitWidening(p: u8): u32 {
  return wide(p, (p = u8(p + 200)));
}

export function main(): i32 {
  showI32("argument", argument(3));
  showI32("narrow argument", narrowArgument(3));
  showI32("widened", widened(3));
  showU32("same type", sameType(3));
  showU32("implicit widening", implicitWidening(100));
  for (let i = 0; i < 4; i++) words[i] = i + 1;
  showI32("view", view(addressOf(words)));
  return 0;
}
