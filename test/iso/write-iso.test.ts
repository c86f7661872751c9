// The pure ISO writer on synthetic inputs, read back with the independent test reader.
import { expect } from "chai";
import { createHash } from "node:crypto";
import { DiagnosticError } from "../../common/diagnostics.js";
import { writeIsoImage } from "../../iso/write-iso.js";
import type { IsoImageSpec } from "../../iso/types.js";
import { readIso } from "./iso-reader.js";

/** Deterministic pseudo-random bytes. */
function bytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

const le32 = (b: Uint8Array, o: number) => Buffer.from(b.buffer, b.byteOffset).readUInt32LE(o);
const le64 = (b: Uint8Array, o: number) => Number(Buffer.from(b.buffer, b.byteOffset).readBigUInt64LE(o));

const bootImage = bytes(5000, 7);
const bootHybrid = (() => {
  const b = bytes(512, 9);
  b[510] = 0x55;
  b[511] = 0xaa;
  return b;
})();

function spec(over: Partial<IsoImageSpec> = {}): IsoImageSpec {
  return {
    volumeId: "TEST",
    epoch: 1_700_000_000,
    files: [
      { path: "boot/kernel.elf", data: bytes(4580, 1) },
      { path: "boot/grub/grub.cfg", data: new TextEncoder().encode("set timeout=0\n") },
    ],
    boot: { image: bootImage, loadSectors: 4, bootInfoTable: true, grub2BootInfo: true },
    hybridMbr: bootHybrid,
    ...over,
  };
}

describe("iso: ISO 9660 writer (pure)", () => {
  it("lays out a Rock Ridge tree that reads back with the same names, modes and bytes", () => {
    const s = spec();
    const img = readIso(writeIsoImage(s));
    expect(img.volumeId).to.equal("TEST");
    expect(img.rockRidge).to.equal(true);
    expect(img.entries.map((e) => e.path).sort()).to.deep.equal(["/boot", "/boot/grub", "/boot/grub/grub.cfg", "/boot/kernel.elf"]);
    for (const f of s.files) {
      const e = img.entries.find((x) => x.path === "/" + f.path)!;
      expect(e.size).to.equal(f.data.length);
      expect(Buffer.from(e.data!).equals(Buffer.from(f.data))).to.equal(true);
      expect(e.mode).to.equal(0o100444);
      expect(e.isoId).to.match(/^[A-Z0-9_]{1,8}\.[A-Z0-9_]{0,3};1$/);
    }
    expect(img.entries.find((x) => x.path === "/boot")!.mode).to.equal(0o040555);
  });

  it("writes path tables (L and M) listing every directory breadth first with its parent", () => {
    const files = [{ path: "b/y/f", data: bytes(5, 1) }, { path: "a/x/g", data: bytes(6, 2) }, { path: "a/h", data: bytes(7, 3) }];
    const img = readIso(writeIsoImage(spec({ files })));
    expect(img.pathTableM).to.deep.equal(img.pathTableL);
    const rootLba = img.pathTableL[0]!.lba;
    const dir = (p: string) => img.entries.find((e) => e.path === p)!.lba;
    expect(img.pathTableL).to.deep.equal([
      { id: "", lba: rootLba, parent: 1 },
      { id: "A", lba: dir("/a"), parent: 1 },
      { id: "B", lba: dir("/b"), parent: 1 },
      { id: "X", lba: dir("/a/x"), parent: 2 },
      { id: "Y", lba: dir("/b/y"), parent: 3 },
    ]);
  });

  it("keeps directories valid past one sector and makes colliding level-1 identifiers unique", () => {
    const files = Array.from({ length: 90 }, (_, i) => ({ path: `many/a-rather-long-file-name-number-${i}.text`, data: bytes(i * 37, i + 3) }));
    files.push({ path: "many/Kernel.Elf", data: bytes(10, 1) }, { path: "many/kernel.elf", data: bytes(11, 2) });
    const img = readIso(writeIsoImage(spec({ files })));
    const many = img.entries.find((e) => e.path === "/many")!;
    expect(many.size).to.be.greaterThan(2048);
    const inMany = img.entries.filter((e) => e.path.startsWith("/many/"));
    expect(inMany).to.have.length(files.length);
    expect(new Set(inMany.map((e) => e.isoId)).size).to.equal(files.length);
    for (const f of files) {
      const e = inMany.find((x) => x.path === "/" + f.path)!;
      expect(Buffer.from(e.data!).equals(Buffer.from(f.data)), f.path).to.equal(true);
    }
  });

  it("writes an El Torito no-emulation entry and patches the boot-info table and GRUB's blocklist", () => {
    const iso = writeIsoImage(spec());
    const img = readIso(iso);
    expect(img.boot).to.deep.include({ bootable: true, media: 0, loadSegment: 0, sectors: 4, validationSum: 0 });
    const lba = img.boot!.lba;
    const patched = iso.subarray(lba * 2048, lba * 2048 + bootImage.length);
    expect(le32(patched, 8)).to.equal(16);
    expect(le32(patched, 12)).to.equal(lba);
    expect(le32(patched, 16)).to.equal(bootImage.length);
    expect(le64(patched, 2548)).to.equal(lba * 4 + 5);
    let sum = 0;
    for (let i = 64; i < patched.length; i += 4) {
      const w = Buffer.alloc(4);
      w.set(patched.subarray(i, Math.min(i + 4, patched.length)));
      sum = (sum + w.readUInt32LE(0)) >>> 0;
    }
    expect(le32(patched, 20)).to.equal(sum);
    expect(Buffer.from(patched.subarray(24, 64)).equals(Buffer.alloc(40))).to.equal(true);
    // Everything else is the boot image as given.
    const expected = Buffer.from(bootImage);
    expected.fill(0, 8, 64);
    expected.writeBigUInt64LE(BigInt(lba * 4 + 5), 2548);
    Buffer.from(patched).copy(expected, 8, 8, 24);
    expect(Buffer.from(patched).equals(expected)).to.equal(true);
    // Without a path the boot image is hidden: no file points at it.
    expect(img.entries.some((e) => e.lba === lba)).to.equal(false);
  });

  it("shows the boot image in the tree when it has a path, as the same extent", () => {
    const iso = writeIsoImage(spec({ boot: { image: bootImage, loadSectors: 4, bootInfoTable: true, grub2BootInfo: true, path: "boot/grub/i386-pc/eltorito.img" } }));
    const img = readIso(iso);
    const file = img.entries.find((e) => e.path === "/boot/grub/i386-pc/eltorito.img")!;
    expect(file.lba).to.equal(img.boot!.lba);
    expect(file.size).to.equal(bootImage.length);
    expect(le64(file.data!, 2548)).to.equal(file.lba * 4 + 5);
    expect(img.entries.filter((e) => !e.isDir && e.lba === file.lba)).to.have.length(1);
  });

  it("writes a hybrid MBR: GRUB's code, the diskboot sector address at 0x1B0, one active partition", () => {
    const iso = writeIsoImage(spec());
    const lba = readIso(iso).boot!.lba;
    expect(Buffer.from(iso.subarray(0, 0x1b0)).equals(Buffer.from(bootHybrid.subarray(0, 0x1b0)))).to.equal(true);
    expect(le64(iso, 0x1b0)).to.equal(lba * 4 + 4);
    expect(iso[0x1be]).to.equal(0x80);
    expect(iso[0x1be + 4]).to.equal(0xcd);
    expect(le32(iso, 0x1be + 8)).to.equal(1);
    expect(le32(iso, 0x1be + 12)).to.equal(iso.length / 512 - 1);
    expect(Buffer.from(iso.subarray(0x1ce, 0x1fe)).equals(Buffer.alloc(48))).to.equal(true);
    expect([iso[510], iso[511]]).to.deep.equal([0x55, 0xaa]);
  });

  it("ends on a 32 KiB boundary with spare sectors after the last file, and says so in the PVD", () => {
    const iso = writeIsoImage(spec());
    const img = readIso(iso);
    expect(iso.length % 32768).to.equal(0);
    expect(img.volumeSectors * 2048).to.equal(iso.length);
    const end = Math.max(...img.entries.filter((e) => !e.isDir).map((e) => e.lba * 2048 + e.size));
    expect(iso.length - end).to.be.at.least(2 * 2048);
  });

  it("is a function of its input: same bytes twice, whatever the file order; dates from the epoch", () => {
    const a = writeIsoImage(spec());
    const b = writeIsoImage(spec({ files: [...spec().files].reverse() }));
    const hash = (x: Uint8Array) => createHash("sha256").update(x).digest("hex");
    expect(hash(a)).to.equal(hash(b));
    expect(readIso(a).creationDate).to.equal("2023111422132000"); // 1700000000 = 2023-11-14 22:13:20 UTC
    const c = writeIsoImage(spec({ epoch: 0 }));
    expect(readIso(c).modificationDate).to.equal("1970010100000000");
    expect(hash(c)).to.not.equal(hash(a));
  });

  it("accepts the deepest tree ISO 9660 allows (8 directory levels with the root)", () => {
    const img = readIso(writeIsoImage(spec({ files: [{ path: "1/2/3/4/5/6/7/f", data: bytes(3, 1) }] })));
    expect(img.entries.find((e) => e.path === "/1/2/3/4/5/6/7/f")!.size).to.equal(3);
  });

  it("rejects what it cannot write with a diagnostic", () => {
    const bad: Partial<IsoImageSpec>[] = [
      { files: [{ path: "a", data: bytes(1, 1) }, { path: "a/b", data: bytes(1, 1) }] },
      { files: [{ path: "a", data: bytes(1, 1) }, { path: "/a", data: bytes(1, 1) }] },
      { files: [{ path: "x/../y", data: bytes(1, 1) }] },
      { files: [{ path: "1/2/3/4/5/6/7/8/f", data: bytes(1, 1) }] },
      { files: [{ path: "n".repeat(200), data: bytes(1, 1) }] },
      { volumeId: "lower case" },
      { boot: { image: bytes(100, 1), loadSectors: 4, bootInfoTable: true, grub2BootInfo: true } },
      { boot: undefined },
    ];
    for (const over of bad) expect(() => writeIsoImage(spec(over)), JSON.stringify(Object.keys(over))).to.throw(DiagnosticError);
  });
});
