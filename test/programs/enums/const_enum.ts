// const enum members fold like enum members; members may refer to earlier ones.
import { showHex } from "../lib/print";

const enum PageFlag {
  Present = 1 << 0,
  Writable = 1 << 1,
  User = 1 << 2,
  Kernel = Present | Writable,
  All = Kernel | User,
}

export function main(): i32 {
  let entry: u32 = 0x00400000;
  entry |= PageFlag.Kernel;
  showHex("entry", entry);
  showHex("all", PageFlag.All);
  showHex("user?", entry & PageFlag.User);
  return 0;
}
