// Bubble sort of pseudo-random values, then a sortedness check.
import { print, printI32, newline, showBool } from "../lib/print";

const data = new StaticArray<i32>(12);

function fill(): void {
  let x: u32 = 12345;
  for (let i = 0; i < data.length; i++) {
    x = x * 1103515245 + 12345;
    data[i] = i32((x >>> 16) % 100) - 50;
  }
}

function sort(): void {
  for (let i = 0; i < data.length - 1; i++) {
    for (let j = 0; j < data.length - 1 - i; j++) {
      if (data[j] > data[j + 1]) {
        const t = data[j];
        data[j] = data[j + 1];
        data[j + 1] = t;
      }
    }
  }
}

export function main(): i32 {
  fill();
  sort();
  let ok = true;
  for (let i = 1; i < data.length; i++) {
    if (data[i - 1] > data[i]) ok = false;
  }
  for (let i = 0; i < data.length; i++) {
    printI32(data[i]);
    print(" ");
  }
  newline();
  showBool("sorted", ok);
  return 0;
}
