// A StaticArray of function references: a dispatch table, with a null check for empty slots.
import { showI32, println } from "../lib/print";

type BinOp = (a: i32, b: i32) => i32;

const ops = new StaticArray<BinOp>(5);

function add(a: i32, b: i32): i32 { return a + b; }
function sub(a: i32, b: i32): i32 { return a - b; }
function mul(a: i32, b: i32): i32 { return a * b; }

function install(): void {
  ops[0] = add;
  ops[1] = sub;
  ops[2] = mul;
}

export function main(): i32 {
  install();
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    if (op == null) {
      println("empty");
      continue;
    }
    showI32("op", op(7, 5));
  }
  showI32("direct", ops[2](6, 7));
  return 0;
}
