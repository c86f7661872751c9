// A field holding a function reference: a console driver with a write callback.
import { print, println, showI32 } from "../lib/print";

type WriteFn = (s: string) => i32;

@unmanaged
class Driver {
  write: WriteFn;
  calls: i32;
}

const serial = new Driver();
const vga = new Driver();

function serialWrite(s: string): i32 {
  print("[serial] ");
  println(s);
  return s.length;
}

function vgaWrite(s: string): i32 {
  print("[vga] ");
  println(s);
  return 2 * s.length;
}

function broadcast(d: Driver, s: string): i32 {
  d.calls++;
  return d.write(s);
}

export function main(): i32 {
  serial.write = serialWrite;
  vga.write = vgaWrite;
  let total: i32 = 0;
  total += broadcast(serial, "Toyix kernel alive");
  total += broadcast(vga, "Toyix kernel alive");
  total += broadcast(serial, "ok");
  showI32("total", total);
  showI32("serial calls", serial.calls);
  return 0;
}
