// The path tables (ECMA-119 9.4): every directory once, in breadth-first order, with
// its extent and its parent's number, so a reader can find a directory without
// walking the tree. Written twice: little-endian (type L) and big-endian (type M).

import { ascii, u16be, u16le, u32be, u32le } from "./bytes.js";
import type { DirNode } from "./file-tree.js";

function recordLength(dir: DirNode): number {
  const idLen = dir.parent ? dir.id.length : 1;
  return 8 + idLen + (idLen % 2);
}

export function pathTableSize(dirs: DirNode[]): number {
  return dirs.reduce((n, d) => n + recordLength(d), 0);
}

export function pathTable(dirs: DirNode[], bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(pathTableSize(dirs));
  const number = new Map(dirs.map((d, i) => [d, i + 1]));
  let off = 0;
  for (const dir of dirs) {
    const id = dir.parent ? ascii(dir.id) : Uint8Array.of(0);
    out[off] = id.length;
    out[off + 1] = 0;
    (bigEndian ? u32be : u32le)(out, off + 2, dir.lba);
    (bigEndian ? u16be : u16le)(out, off + 6, dir.parent ? number.get(dir.parent)! : 1);
    out.set(id, off + 8);
    off += recordLength(dir);
  }
  return out;
}
