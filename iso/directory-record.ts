// One ISO 9660 directory record (ECMA-119 9.1): where an extent is, how long, when,
// whether it is a directory, its level-1 identifier, then the system use area that
// holds the Rock Ridge entries.

import { u16both, u32both } from "./bytes.js";

export const FLAG_DIRECTORY = 0x02;

export interface DirectoryRecordFields {
  lba: number;
  size: number;
  /** 7-byte record date. */
  date: Uint8Array;
  isDir: boolean;
  /** The identifier bytes: 0x00 for ".", 0x01 for "..", else e.g. "GRUB.CFG;1". */
  identifier: Uint8Array;
  systemUse: Uint8Array;
}

/** Bytes a record with this identifier and system use takes (always even). */
export function directoryRecordLength(identifierLength: number, systemUseLength: number): number {
  const base = 33 + identifierLength + (identifierLength % 2 === 0 ? 1 : 0);
  const len = base + systemUseLength;
  return len + (len % 2);
}

export function directoryRecord(f: DirectoryRecordFields): Uint8Array {
  const len = directoryRecordLength(f.identifier.length, f.systemUse.length);
  if (len > 255) throw new Error(`directory record of ${len} bytes (max 255)`);
  const rec = new Uint8Array(len);
  rec[0] = len;
  rec[1] = 0; // no extended attribute record
  u32both(rec, 2, f.lba);
  u32both(rec, 10, f.size);
  rec.set(f.date, 18);
  rec[25] = f.isDir ? FLAG_DIRECTORY : 0;
  rec[26] = 0; // not interleaved
  rec[27] = 0;
  u16both(rec, 28, 1); // volume sequence number
  rec[32] = f.identifier.length;
  rec.set(f.identifier, 33);
  const su = 33 + f.identifier.length + (f.identifier.length % 2 === 0 ? 1 : 0);
  rec.set(f.systemUse, su);
  return rec;
}
