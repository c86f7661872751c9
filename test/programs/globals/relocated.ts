// Static initialisers that are addresses: functions, strings, instances, arrays (relocations in .data).
import { println, showBool, showI32 } from "../lib/print";

@unmanaged
class Config {
  level: i32;
}

function hello(): void {
  println("hello from a static pointer");
}

const config = new Config();
const table = new StaticArray<u16>(4);

let greet: () => void = hello;
let banner: string = "static banner";
let current: Config = config;
let tableAddress: usize = addressOf(table);
let secondElement: usize = addressOf(table) + 2;

export function main(): i32 {
  greet();
  println(banner);
  current.level = 7;
  showI32("level", config.level);
  showBool("table", tableAddress == addressOf(table));
  table[1] = 99;
  showI32("second", load<u16>(secondElement));
  return 0;
}
