// A small ISO 9660 + Rock Ridge + El Torito reader for the tests, written from the
// standards independently of iso/ (it shares no code with the writer), so that what
// the writer produces is read back the way a reader that follows the format would.

export interface ReadEntry {
  /** Rock Ridge path, e.g. "/boot/grub/grub.cfg" (or the ISO identifier without ";1" if no NM). */
  path: string;
  isoId: string;
  isDir: boolean;
  lba: number;
  size: number;
  /** PX mode, if present. */
  mode?: number;
  data?: Uint8Array;
}

/** One path table record: directory identifier, extent, 1-based parent number. */
export interface PathTableRecord {
  id: string;
  lba: number;
  parent: number;
}

export interface ReadImage {
  volumeId: string;
  volumeSectors: number;
  creationDate: string;
  modificationDate: string;
  rockRidge: boolean;
  entries: ReadEntry[];
  /** The type L (little-endian) and type M (big-endian) path tables. */
  pathTableL: PathTableRecord[];
  pathTableM: PathTableRecord[];
  bootCatalogLba?: number;
  boot?: { bootable: boolean; media: number; loadSegment: number; sectors: number; lba: number; validationSum: number };
}

const le32 = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
const be32 = (b: Uint8Array, o: number) => ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
const le16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const str = (b: Uint8Array, o: number, n: number) => String.fromCharCode(...b.subarray(o, o + n));

/** Both-endian 32-bit field: the two copies must agree. */
function both32(b: Uint8Array, o: number): number {
  const l = le32(b, o), m = be32(b, o + 4);
  if (l !== m) throw new Error(`both-endian field at ${o} disagrees: ${l} vs ${m}`);
  return l;
}

interface Susp { sig: string; data: Uint8Array }

/** SUSP entries of a system use area, following CE continuations. */
function suspEntries(img: Uint8Array, area: Uint8Array): Susp[] {
  const out: Susp[] = [];
  let cur: Uint8Array | undefined = area;
  while (cur) {
    let next: Uint8Array | undefined;
    for (let o = 0; o + 4 <= cur.length; ) {
      const len = cur[o + 2]!;
      if (len < 4) break;
      const e = { sig: str(cur, o, 2), data: cur.subarray(o, o + len) };
      out.push(e);
      if (e.sig === "CE") {
        const lba = both32(e.data, 4), off = both32(e.data, 12), n = both32(e.data, 20);
        next = img.subarray(lba * 2048 + off, lba * 2048 + off + n);
      }
      if (e.sig === "ST") break;
      o += len;
    }
    cur = next;
  }
  return out;
}

export function readIso(img: Uint8Array): ReadImage {
  const pvd = img.subarray(16 * 2048, 17 * 2048);
  if (pvd[0] !== 1 || str(pvd, 1, 5) !== "CD001") throw new Error("no primary volume descriptor at sector 16");
  if (le16(pvd, 128) !== 2048) throw new Error("block size is not 2048");
  const result: ReadImage = {
    volumeId: str(pvd, 40, 32).trimEnd(),
    volumeSectors: both32(pvd, 80),
    creationDate: str(pvd, 813, 16),
    modificationDate: str(pvd, 830, 16),
    rockRidge: false,
    entries: [],
    pathTableL: [],
    pathTableM: [],
  };
  const ptSize = both32(pvd, 132);
  const readPathTable = (lba: number, big: boolean) => {
    const out: PathTableRecord[] = [];
    const t = img.subarray(lba * 2048, lba * 2048 + ptSize);
    for (let o = 0; o < t.length; ) {
      const n = t[o]!;
      out.push({ id: n === 1 && t[o + 8] === 0 ? "" : str(t, o + 8, n), lba: big ? be32(t, o + 2) : le32(t, o + 2), parent: big ? (t[o + 6]! << 8) | t[o + 7]! : le16(t, o + 6) });
      o += 8 + n + (n % 2);
    }
    return out;
  };
  result.pathTableL = readPathTable(le32(pvd, 140), false);
  result.pathTableM = readPathTable(be32(pvd, 148), true);
  // Other volume descriptors up to the terminator.
  for (let s = 17; ; s++) {
    const vd = img.subarray(s * 2048, (s + 1) * 2048);
    if (str(vd, 1, 5) !== "CD001") throw new Error(`sector ${s} is not a volume descriptor`);
    if (vd[0] === 255) break;
    if (vd[0] === 0 && str(vd, 7, 23) === "EL TORITO SPECIFICATION") result.bootCatalogLba = le32(vd, 0x47);
  }
  if (result.bootCatalogLba !== undefined) {
    const cat = img.subarray(result.bootCatalogLba * 2048, result.bootCatalogLba * 2048 + 64);
    let sum = 0;
    for (let i = 0; i < 32; i += 2) sum = (sum + le16(cat, i)) & 0xffff;
    if (cat[0] !== 1 || cat[30] !== 0x55 || cat[31] !== 0xaa) throw new Error("bad El Torito validation entry");
    result.boot = { bootable: cat[32] === 0x88, media: cat[33]!, loadSegment: le16(cat, 34), sectors: le16(cat, 38), lba: le32(cat, 40), validationSum: sum };
  }

  const rootRec = pvd.subarray(156, 156 + 34);
  const walk = (lba: number, size: number, prefix: string, isRoot: boolean) => {
    for (let sector = 0; sector < size / 2048; sector++) {
      const base = (lba + sector) * 2048;
      for (let o = 0; o < 2048; ) {
        const len = img[base + o]!;
        if (len === 0) break;
        const rec = img.subarray(base + o, base + o + len);
        o += len;
        const idLen = rec[32]!;
        const id = str(rec, 33, idLen);
        const su = rec.subarray(33 + idLen + (idLen % 2 === 0 ? 1 : 0));
        const susp = suspEntries(img, su);
        if (isRoot && idLen === 1 && rec[33] === 0 && susp[0]?.sig === "SP" && susp[0].data[4] === 0xbe && susp[0].data[5] === 0xef) {
          result.rockRidge = susp.some((e) => e.sig === "ER" && str(e.data, 8, e.data[4]!) === "RRIP_1991A");
        }
        if (idLen === 1 && (rec[33] === 0 || rec[33] === 1)) continue;
        const nm = susp.filter((e) => e.sig === "NM").map((e) => Buffer.from(e.data.subarray(5)).toString("utf8")).join("");
        const px = susp.find((e) => e.sig === "PX");
        const name = nm || id.replace(/;1$/, "").replace(/\.$/, "");
        const entry: ReadEntry = {
          path: `${prefix}/${name}`, isoId: id, isDir: (rec[25]! & 2) !== 0,
          lba: both32(rec, 2), size: both32(rec, 10), mode: px ? both32(px.data, 4) : undefined,
        };
        if (!entry.isDir) entry.data = img.subarray(entry.lba * 2048, entry.lba * 2048 + entry.size);
        result.entries.push(entry);
        if (entry.isDir) walk(entry.lba, entry.size, entry.path, false);
      }
    }
  };
  walk(both32(rootRec, 2), both32(rootRec, 10), "", true);
  return result;
}
