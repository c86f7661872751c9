// The pure stage: a file tree and a boot image in, the bytes of a hybrid ISO out.
//
// Layout, in 2 KiB sectors:
//   0-15   system area (the hybrid MBR in its first 512 bytes)
//   16     Primary Volume Descriptor
//   17     El Torito Boot Record (if booting)
//   next   Volume Descriptor Set Terminator
//   next   boot catalog (if booting)
//   next   path tables L and M
//   next   directories, breadth first (root first)
//   next   the root's Rock Ridge continuation area (the ER entry)
//   next   the boot image (in the tree at boot.path if given, else hidden), then the
//          other files in tree order
//   then   zeros up to a 32 KiB boundary, at least two sectors
// Everything is a function of the input, so the same input gives the same bytes.

import { fail } from "../common/diagnostics.js";
import { ascii, concat } from "./bytes.js";
import { recordDate } from "./dates.js";
import { directoryRecord } from "./directory-record.js";
import { bootCatalog, patchBootImage } from "./el-torito.js";
import { buildTree, directoriesInOrder, filesInOrder, type DirNode } from "./file-tree.js";
import { hybridMbr } from "./hybrid-mbr.js";
import { pathTable, pathTableSize } from "./path-table.js";
import { ceEntry, erEntry, nmEntry, pxEntry, S_IFDIR, S_IFREG, spEntry, tfEntry } from "./rock-ridge.js";
import { PVD_LBA, SECTOR, type IsoImageSpec } from "./types.js";
import { bootRecordDescriptor, primaryVolumeDescriptor, terminatorDescriptor } from "./volume-descriptors.js";

/** The image is a whole number of these sectors (32 KiB, GRUB's disk cache unit). */
const PAD_SECTORS = 16;

const sectorsFor = (bytes: number) => Math.ceil(bytes / SECTOR);

const DIR_MODE = S_IFDIR | 0o555;
const FILE_MODE = S_IFREG | 0o444;

/** Rock Ridge links of a directory: its entry, its own ".", and each subdirectory's "..". */
function dirLinks(dir: DirNode): number {
  return 2 + dir.children.filter((c) => c.kind === "dir").length;
}

interface Layout {
  catalogLba: number;
  lPathLba: number;
  mPathLba: number;
  ceLba: number;
  bootLba: number;
  totalSectors: number;
}

export function writeIsoImage(spec: IsoImageSpec): Uint8Array {
  if (!/^[A-Z0-9_]{1,32}$/.test(spec.volumeId)) {
    fail(`volume id '${spec.volumeId}' must be 1 to 32 of A-Z 0-9 _`, undefined, { origin: "iso" });
  }
  if (spec.hybridMbr && !spec.boot) fail("a hybrid MBR needs an El Torito boot image", undefined, { origin: "iso" });
  const date = recordDate(spec.epoch);
  // A boot image with a path is also a file of the tree (its extent is the boot image).
  const bootFile = spec.boot?.path !== undefined ? { path: spec.boot.path, data: spec.boot.image } : undefined;
  const root = buildTree(spec.files, bootFile);
  const dirs = directoriesInOrder(root);
  const er = erEntry();

  // System use areas. Only the root's "." carries SP and the CE pointing at the ER entry.
  const dotSystemUse = (dir: DirNode, ceLba: number) => concat([
    ...(dir.parent ? [] : [spEntry()]),
    pxEntry(DIR_MODE, dirLinks(dir)),
    tfEntry(date),
    ...(dir.parent ? [] : [ceEntry(ceLba, 0, er.length)]),
  ]);
  const dotDotSystemUse = (dir: DirNode) => concat([pxEntry(DIR_MODE, dirLinks(dir.parent ?? dir)), tfEntry(date)]);
  const childSystemUse = (name: string, mode: number, links: number) =>
    concat([pxEntry(mode, links), tfEntry(date), nmEntry(name)]);

  // The records of one directory, given its extent and the extents of its children.
  const recordsOf = (dir: DirNode, ceLba: number): Uint8Array[] => {
    const parent = dir.parent ?? dir;
    return [
      directoryRecord({ lba: dir.lba, size: dir.size, date, isDir: true, identifier: Uint8Array.of(0), systemUse: dotSystemUse(dir, ceLba) }),
      directoryRecord({ lba: parent.lba, size: parent.size, date, isDir: true, identifier: Uint8Array.of(1), systemUse: dotDotSystemUse(dir) }),
      ...dir.children.map((c) => c.kind === "dir"
        ? directoryRecord({ lba: c.lba, size: c.size, date, isDir: true, identifier: ascii(c.id), systemUse: childSystemUse(c.name, DIR_MODE, dirLinks(c)) })
        : directoryRecord({ lba: c.data.length === 0 ? 0 : c.lba, size: c.data.length, date, isDir: false, identifier: ascii(c.id), systemUse: childSystemUse(c.name, FILE_MODE, 1) })),
    ];
  };

  // Records never straddle a sector: a record that does not fit starts the next one.
  const packedSize = (lengths: number[]): number => {
    let sectors = 1, used = 0;
    for (const len of lengths) {
      if (used + len > SECTOR) {
        sectors++;
        used = 0;
      }
      used += len;
    }
    return sectors * SECTOR;
  };
  // Record lengths do not depend on extents, so sizes can be known before the layout.
  for (const dir of dirs) dir.size = packedSize(recordsOf(dir, 0).map((r) => r.length));

  // Assign sectors.
  let next = PVD_LBA + 1 + (spec.boot ? 1 : 0) + 1; // PVD, boot record, terminator
  const layout: Layout = { catalogLba: 0, lPathLba: 0, mPathLba: 0, ceLba: 0, bootLba: 0, totalSectors: 0 };
  if (spec.boot) layout.catalogLba = next++;
  const ptSize = pathTableSize(dirs);
  layout.lPathLba = next;
  next += sectorsFor(ptSize);
  layout.mPathLba = next;
  next += sectorsFor(ptSize);
  for (const dir of dirs) {
    dir.lba = next;
    next += dir.size / SECTOR;
  }
  layout.ceLba = next++;
  if (spec.boot) {
    layout.bootLba = next;
    next += sectorsFor(spec.boot.image.length);
  }
  const files = filesInOrder(root).filter((f) => !f.isBootImage);
  for (const f of filesInOrder(root)) if (f.isBootImage) f.lba = layout.bootLba;
  for (const f of files) {
    f.lba = next;
    next += sectorsFor(f.data.length);
  }
  // GRUB reads its disk through a cache in aligned 32 KiB units, and a read past the end of
  // a CD fails: the image ends on a 32 KiB boundary, with at least two spare sectors after
  // the last file (a CD-R written track-at-once loses its last two sectors).
  layout.totalSectors = Math.ceil((next + 2) / PAD_SECTORS) * PAD_SECTORS;

  // Write.
  const image = new Uint8Array(layout.totalSectors * SECTOR);
  const at = (lba: number, bytes: Uint8Array) => image.set(bytes, lba * SECTOR);
  const rootRecord = directoryRecord({ lba: root.lba, size: root.size, date, isDir: true, identifier: Uint8Array.of(0), systemUse: new Uint8Array(0) });
  at(PVD_LBA, primaryVolumeDescriptor({
    volumeId: spec.volumeId, volumeSectors: layout.totalSectors, pathTableSize: ptSize,
    lPathTableLba: layout.lPathLba, mPathTableLba: layout.mPathLba, rootRecord, epoch: spec.epoch,
  }));
  let vd = PVD_LBA + 1;
  if (spec.boot) at(vd++, bootRecordDescriptor(layout.catalogLba));
  at(vd, terminatorDescriptor());
  at(layout.lPathLba, pathTable(dirs, false));
  at(layout.mPathLba, pathTable(dirs, true));
  for (const dir of dirs) {
    let off = dir.lba * SECTOR;
    const end = off + dir.size;
    for (const rec of recordsOf(dir, layout.ceLba)) {
      if ((off % SECTOR) + rec.length > SECTOR) off += SECTOR - (off % SECTOR);
      if (off + rec.length > end) throw new Error("directory records overflow their extent");
      image.set(rec, off);
      off += rec.length;
    }
  }
  at(layout.ceLba, er);
  for (const f of files) at(f.lba, f.data);
  if (spec.boot) {
    at(layout.catalogLba, bootCatalog(layout.bootLba, spec.boot.loadSectors));
    at(layout.bootLba, patchBootImage(spec.boot.image, {
      pvdLba: PVD_LBA, imageLba: layout.bootLba,
      bootInfoTable: spec.boot.bootInfoTable, grub2BootInfo: spec.boot.grub2BootInfo,
    }));
  }
  if (spec.hybridMbr) image.set(hybridMbr(spec.hybridMbr, layout.bootLba, image.length), 0);
  return image;
}
