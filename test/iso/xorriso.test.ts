// xorriso as the oracle: it must see our El Torito entry and hybrid MBR, read our file
// tree back with the right names, sizes and bytes, and, given the same GRUB core image,
// patch it and write the MBR exactly as our writer does (grub-mkrescue's way).
import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { DEFAULT_VOLUME_ID } from "../../iso/build-iso.js";
import { patchBootImage } from "../../iso/el-torito.js";
import { defaultGrubConfig } from "../../iso/grub-config.js";
import { grubBootFiles, type GrubBootFiles } from "../../iso/grub-core-image.js";
import { hybridMbr } from "../../iso/hybrid-mbr.js";
import { requireTool, run, tmpDir, ts386 } from "../tools.js";
import { sharedGrubCache, testKernel } from "./fixtures.js";
import { readIso } from "./iso-reader.js";

describe("iso: xorriso reads the image", function () {
  let dir: string;
  let iso: string;

  before(async function () {
    requireTool(this, "xorriso", "nasm", "i686-linux-gnu-ld", "grub-mkimage");
    dir = tmpDir("ts386-iso-xorriso-");
    iso = path.join(dir, "test.iso");
    const r = await ts386(["iso", testKernel(), "-o", iso, "--grub-cache", sharedGrubCache]);
    expect(r.status, r.stderr).to.equal(0);
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  const xorriso = (...args: string[]) => run("xorriso", ["-indev", iso, ...args]);

  it("reports one BIOS, bootable, no-emulation El Torito image of 4 sectors where our catalog says", () => {
    const out = xorriso("-report_el_torito", "plain");
    const line = out.split("\n").find((l) => l.startsWith("El Torito boot img :"));
    expect(line, out).to.be.a("string");
    const [n, platform, bootable, emulation, segment, , loadSize, lba] = line!.slice("El Torito boot img :".length).trim().split(/\s+/);
    expect({ n, platform, bootable, emulation, segment, loadSize }).to.deep.equal(
      { n: "1", platform: "BIOS", bootable: "y", emulation: "none", segment: "0x0000", loadSize: "4" });
    expect(Number(lba)).to.equal(readIso(fs.readFileSync(iso)).boot!.lba);
    expect(out).to.match(/El Torito img path :\s+1\s+\/boot\/grub\/i386-pc\/eltorito.img\n/);
    // xorriso recognises both patches in the image by their contents.
    expect(out).to.match(/El Torito img opts :\s+1\s+boot-info-table grub2-boot-info\n/);
  });

  it("reads the primary volume descriptor: volume id and fixed dates", () => {
    const out = xorriso("-pvd_info");
    expect(out).to.match(new RegExp(`Volume Id    : ${DEFAULT_VOLUME_ID}\n`));
    expect(out).to.match(/Creation Time: 1970010100000000\n/);
  });

  it("reports a grub2-mbr system area with one active partition over the image", () => {
    const out = xorriso("-report_system_area", "plain");
    expect(out).to.match(/System area summary: MBR protective-msdos-label grub2-mbr/);
    const sectors = fs.statSync(iso).size / 512;
    expect(out).to.match(new RegExp(`MBR partition\\s+:\\s+1\\s+0x80\\s+0xcd\\s+1\\s+${sectors - 1}\\n`));
  });

  it("lists exactly the kernel, grub.cfg and GRUB's image, with Rock Ridge names and sizes", () => {
    const out = xorriso("-find", "/", "-exec", "lsdl");
    const rows = out.split("\n").filter((l) => /^[d-]r/.test(l)).map((l) => {
      const m = /^(\S+)\s+\d+\s+\d+\s+\d+\s+(\d+)\s+.*'(.*)'$/.exec(l)!;
      return `${m[1]} ${m[2]} ${m[3]}`;
    });
    expect(rows).to.deep.equal([
      "dr-xr-xr-x 0 /",
      "dr-xr-xr-x 0 /boot",
      "dr-xr-xr-x 0 /boot/grub",
      `-r--r--r-- ${Buffer.byteLength(defaultGrubConfig())} /boot/grub/grub.cfg`,
      "dr-xr-xr-x 0 /boot/grub/i386-pc",
      `-r--r--r-- ${grubBootFiles({ cacheDir: sharedGrubCache }).coreImage.length} /boot/grub/i386-pc/eltorito.img`,
      `-r--r--r-- ${fs.statSync(testKernel()).size} /boot/kernel.elf`,
    ]);
  });

  it("extracts the same bytes that went in (xorriso -osirrox on -extract)", () => {
    const out = path.join(dir, "extracted");
    run("xorriso", ["-osirrox", "on", "-indev", iso, "-extract", "/", out, "-end"]);
    expect(fs.readFileSync(path.join(out, "boot/kernel.elf")).equals(fs.readFileSync(testKernel()))).to.equal(true);
    expect(fs.readFileSync(path.join(out, "boot/grub/grub.cfg"), "utf8")).to.equal(defaultGrubConfig());
    const walk = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.relative(out, path.join(d, e.name))]));
    expect(walk(out).sort()).to.deep.equal(["boot/grub/grub.cfg", "boot/grub/i386-pc/eltorito.img", "boot/kernel.elf"]);
    // The boot image file is the core image with its two patches for where it lies.
    const lba = readIso(fs.readFileSync(iso)).boot!.lba;
    const patched = patchBootImage(grubBootFiles({ cacheDir: sharedGrubCache }).coreImage, { pvdLba: 16, imageLba: lba, bootInfoTable: true, grub2BootInfo: true });
    expect(fs.readFileSync(path.join(out, "boot/grub/i386-pc/eltorito.img")).equals(Buffer.from(patched))).to.equal(true);
  });

  describe("against xorriso -as mkisofs with grub-mkrescue's boot options and the same core image", () => {
    let grub: GrubBootFiles;
    let reference: Uint8Array;
    let bootLba: number;

    before(function () {
      grub = grubBootFiles({ cacheDir: sharedGrubCache });
      const tree = path.join(dir, "tree");
      fs.mkdirSync(path.join(tree, "boot/grub"), { recursive: true });
      fs.copyFileSync(testKernel(), path.join(tree, "boot/kernel.elf"));
      fs.writeFileSync(path.join(tree, "boot/grub/grub.cfg"), defaultGrubConfig());
      fs.writeFileSync(path.join(tree, "boot/grub/eltorito.img"), grub.coreImage);
      const bootHybrid = path.join(dir, "boot_hybrid.img");
      fs.writeFileSync(bootHybrid, grub.bootHybrid);
      const out = path.join(dir, "xorriso.iso");
      run("xorriso", ["-as", "mkisofs", "-R", "-o", out, "--grub2-boot-info", "--grub2-mbr", bootHybrid,
        "-b", "boot/grub/eltorito.img", "-no-emul-boot", "-boot-load-size", "4", "-boot-info-table",
        "--protective-msdos-label", tree]);
      reference = new Uint8Array(fs.readFileSync(out));
      bootLba = readIso(reference).boot!.lba;
    });

    it("patches the core image identically (boot-info table and GRUB's blocklist at 2548)", () => {
      const theirs = reference.subarray(bootLba * 2048, bootLba * 2048 + grub.coreImage.length);
      const ours = patchBootImage(grub.coreImage, { pvdLba: 16, imageLba: bootLba, bootInfoTable: true, grub2BootInfo: true });
      expect(Buffer.from(ours).equals(Buffer.from(theirs))).to.equal(true);
    });

    it("writes an identical hybrid MBR for the same boot image address and image size", () => {
      const ours = hybridMbr(grub.bootHybrid, bootLba, reference.length);
      expect(Buffer.from(ours).toString("hex")).to.equal(Buffer.from(reference.subarray(0, 512)).toString("hex"));
    });
  });
});
