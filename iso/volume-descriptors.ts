// The volume descriptor set from sector 16 (ECMA-119 8): the Primary Volume
// Descriptor, El Torito's Boot Record (which points to the boot catalog) and the
// terminator.

import { text, u16both, u32be, u32both, u32le } from "./bytes.js";
import { unspecifiedVolumeDate, volumeDate } from "./dates.js";
import { SECTOR } from "./types.js";

function descriptor(type: number): Uint8Array {
  const s = new Uint8Array(SECTOR);
  s[0] = type;
  text(s, 1, 5, "CD001");
  s[6] = 1; // version
  return s;
}

export interface PrimaryVolumeFields {
  volumeId: string;
  /** Image size in sectors. */
  volumeSectors: number;
  pathTableSize: number;
  lPathTableLba: number;
  mPathTableLba: number;
  /** The 34-byte directory record of the root. */
  rootRecord: Uint8Array;
  epoch: number;
}

export function primaryVolumeDescriptor(f: PrimaryVolumeFields): Uint8Array {
  const s = descriptor(1);
  text(s, 8, 32, ""); // system identifier
  text(s, 40, 32, f.volumeId);
  u32both(s, 80, f.volumeSectors);
  u16both(s, 120, 1); // volume set size
  u16both(s, 124, 1); // volume sequence number
  u16both(s, 128, SECTOR); // logical block size
  u32both(s, 132, f.pathTableSize);
  u32le(s, 140, f.lPathTableLba);
  u32be(s, 148, f.mPathTableLba);
  s.set(f.rootRecord, 156);
  text(s, 190, 128, ""); // volume set
  text(s, 318, 128, ""); // publisher
  text(s, 446, 128, ""); // data preparer
  text(s, 574, 128, "TS386"); // application
  text(s, 702, 37, ""); // copyright file
  text(s, 739, 37, ""); // abstract file
  text(s, 776, 37, ""); // bibliographic file
  s.set(volumeDate(f.epoch), 813); // creation
  s.set(volumeDate(f.epoch), 830); // modification
  s.set(unspecifiedVolumeDate(), 847); // expiration
  s.set(unspecifiedVolumeDate(), 864); // effective
  s[881] = 1; // file structure version
  return s;
}

/** El Torito Boot Record Volume Descriptor: identifies the spec and the catalog's sector. */
export function bootRecordDescriptor(catalogLba: number): Uint8Array {
  const s = descriptor(0);
  text(s, 7, 32, "EL TORITO SPECIFICATION", 0);
  u32le(s, 0x47, catalogLba);
  return s;
}

export function terminatorDescriptor(): Uint8Array {
  return descriptor(255);
}
