// memset/memcpy/memcmp written with load/store, as Toyix's kernel/lib/mem does.
import { showI32, showBool, print, newline } from "../lib/print";

const src = new StaticArray<u8>(32);
const dst = new StaticArray<u8>(32);

function memset(p: usize, value: u8, n: usize): void {
  for (let i: usize = 0; i < n; i++) store<u8>(p + i, value);
}

function memcpy(d: usize, s: usize, n: usize): void {
  let i: usize = 0;
  for (; i + 4 <= n; i += 4) store<u32>(d + i, load<u32>(s + i));
  for (; i < n; i++) store<u8>(d + i, load<u8>(s + i));
}

function memcmp(a: usize, b: usize, n: usize): i32 {
  for (let i: usize = 0; i < n; i++) {
    const d = load<u8>(a + i) - load<u8>(b + i);
    if (d != 0) return d;
  }
  return 0;
}

export function main(): i32 {
  const text = "copy me, please!";
  for (let i = 0; i < text.length; i++) src[i] = text.charCodeAt(i);
  memset(addressOf(dst), 46, 32);
  memcpy(addressOf(dst), addressOf(src), 15);
  for (let i = 0; i < 20; i++) print(dst[i] == 0 ? "_" : dst[i] == 46 ? "." : "#");
  newline();
  sys_write(1, addressOf(dst), 15);
  newline();
  showI32("cmp15", memcmp(addressOf(dst), addressOf(src), 15));
  showBool("cmp16", memcmp(addressOf(dst), addressOf(src), 16) > 0);
  return 0;
}
