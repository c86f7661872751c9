// GRUB's core image: made by grub-mkimage once, then taken from the cache; the cache key
// follows every input; the image has the layout our two patches rely on.
import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { DiagnosticError } from "../../common/diagnostics.js";
import { GRUB2_BOOT_INFO_OFFSET } from "../../iso/el-torito.js";
import { coreImageKey, DEFAULT_GRUB_DIR, GRUB_MODULES, grubBootFiles, moduleClosure } from "../../iso/grub-core-image.js";
import { requireTool, run, tmpDir } from "../tools.js";

describe("iso: GRUB core image", function () {
  let dir: string;
  let mkimage: string;

  before(function () {
    requireTool(this, "grub-mkimage");
    if (!fs.existsSync(path.join(DEFAULT_GRUB_DIR, "moddep.lst"))) {
      console.log(`      (skipped: no GRUB modules in ${DEFAULT_GRUB_DIR}; apt-get install grub-pc-bin)`);
      this.skip();
    }
    dir = tmpDir("ts386-iso-grub-");
    mkimage = run("sh", ["-c", "command -v grub-mkimage"]).trim();
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  it("is made once, then read from the cache with the same bytes", () => {
    const cacheDir = path.join(dir, "cache");
    const first = grubBootFiles({ cacheDir });
    expect(first.cacheHit).to.equal(false);
    expect(path.dirname(first.cachePath)).to.equal(cacheDir);
    expect(fs.readdirSync(cacheDir)).to.deep.equal([path.basename(first.cachePath)]);
    const second = grubBootFiles({ cacheDir });
    expect(second.cacheHit).to.equal(true);
    expect(second.cachePath).to.equal(first.cachePath);
    expect(Buffer.from(second.coreImage).equals(Buffer.from(first.coreImage))).to.equal(true);
    expect(Buffer.from(first.bootHybrid).equals(fs.readFileSync(path.join(DEFAULT_GRUB_DIR, "boot_hybrid.img")))).to.equal(true);
  });

  it("is cdboot.img then diskboot.img, whose blocklist (patched at 2548) covers the rest", () => {
    const { coreImage } = grubBootFiles({ cacheDir: path.join(dir, "cache") });
    const cdboot = fs.readFileSync(path.join(DEFAULT_GRUB_DIR, "cdboot.img"));
    const diskboot = fs.readFileSync(path.join(DEFAULT_GRUB_DIR, "diskboot.img"));
    expect(cdboot.length).to.equal(2048);
    expect(Buffer.from(coreImage.subarray(0, 2048)).equals(cdboot)).to.equal(true);
    const blocklist = 2048 + 0x1f4; // diskboot's first blocklist entry: start (8), length (2), segment (2)
    expect(blocklist).to.equal(GRUB2_BOOT_INFO_OFFSET);
    expect(Buffer.from(coreImage.subarray(2048, blocklist)).equals(diskboot.subarray(0, 0x1f4))).to.equal(true);
    const sectors = Buffer.from(coreImage).readUInt16LE(blocklist + 8);
    expect(sectors).to.equal(Math.ceil((coreImage.length - 2048 - 512) / 512));
  });

  it("has a key that changes with the module list and with any module file", () => {
    const grubDir = path.join(dir, "grub");
    fs.mkdirSync(grubDir);
    const files = ["moddep.lst", "kernel.img", "lzma_decompress.img", "diskboot.img", "cdboot.img", "boot_hybrid.img",
      ...moduleClosure(DEFAULT_GRUB_DIR, GRUB_MODULES).map((m) => `${m}.mod`)];
    for (const f of files) fs.copyFileSync(path.join(DEFAULT_GRUB_DIR, f), path.join(grubDir, f));
    const key = coreImageKey(mkimage, grubDir, GRUB_MODULES);
    expect(coreImageKey(mkimage, DEFAULT_GRUB_DIR, GRUB_MODULES)).to.equal(key);
    expect(coreImageKey(mkimage, grubDir, GRUB_MODULES.filter((m) => m !== "serial"))).to.not.equal(key);
    fs.appendFileSync(path.join(grubDir, "iso9660.mod"), "\0");
    expect(coreImageKey(mkimage, grubDir, GRUB_MODULES)).to.not.equal(key);
  });

  it("embeds the modules with their dependencies from moddep.lst", () => {
    const closure = moduleClosure(DEFAULT_GRUB_DIR, GRUB_MODULES);
    for (const m of GRUB_MODULES) expect(closure).to.include(m);
    const deps = fs.readFileSync(path.join(DEFAULT_GRUB_DIR, "moddep.lst"), "latin1").split("\n")
      .find((l) => l.startsWith("normal:"))!.slice("normal:".length).trim().split(/\s+/).filter(Boolean);
    for (const d of deps) expect(closure).to.include(d);
    expect(() => moduleClosure(DEFAULT_GRUB_DIR, ["no_such_module"])).to.throw(DiagnosticError, /GRUB module 'no_such_module' is not in/);
  });

  it("reports a failing grub-mkimage and caches nothing", () => {
    const cacheDir = path.join(dir, "failing");
    expect(() => grubBootFiles({ cacheDir, grubMkimage: "/bin/false" })).to.throw(DiagnosticError, /grub-mkimage failed/);
    expect(fs.readdirSync(cacheDir)).to.deep.equal([]);
  });
});
