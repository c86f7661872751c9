// Reproducibility: the same inputs give the same bytes (whether or not the GRUB core
// image came from the cache), and SOURCE_DATE_EPOCH sets the dates, read back by xorriso.
import { expect } from "chai";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { requireTool, run, tmpDir, ts386 } from "../tools.js";
import { sharedGrubCache, testKernel, withEnv } from "./fixtures.js";

const sha256 = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

/** "YYYYMMDDHHMMSS00", the volume descriptor date, computed here from an ISO string. */
const volumeDate = (epoch: number) => new Date(epoch * 1000).toISOString().replace(/[-:T]/g, "").slice(0, 14) + "00";

describe("iso: reproducible images", function () {
  let dir: string;

  before(function () {
    requireTool(this, "nasm", "i686-linux-gnu-ld", "grub-mkimage");
    dir = tmpDir("ts386-iso-repro-");
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  const build = (name: string, cache: string, epoch: string | undefined) =>
    withEnv({ SOURCE_DATE_EPOCH: epoch }, async () => {
      const out = path.join(dir, name);
      const r = await ts386(["iso", testKernel(), "-o", out, "--grub-cache", cache, "-v"]);
      expect(r.status, r.stderr).to.equal(0);
      return { file: out, log: r.stdout };
    });

  it("gives byte-identical images for the same inputs, from a cold and from a warm core-image cache", async () => {
    const cold = await build("cold.iso", path.join(dir, "fresh-cache"), "1700000000");
    const warm = await build("warm.iso", path.join(dir, "fresh-cache"), "1700000000");
    expect(cold.log).to.contain("GRUB core image made");
    expect(warm.log).to.contain("GRUB core image from cache");
    expect(sha256(cold.file)).to.equal(sha256(warm.file));
    const shared = await build("shared.iso", sharedGrubCache, "1700000000");
    expect(sha256(shared.file)).to.equal(sha256(cold.file));
  });

  it("takes every date from SOURCE_DATE_EPOCH, and a fixed one without it", async function () {
    requireTool(this, "xorriso");
    const pvdDates = (file: string) => {
      const out = run("xorriso", ["-indev", file, "-pvd_info"]);
      return [/Creation Time: (\d+)/.exec(out)![1], /Modif\. Time  : (\d+)/.exec(out)![1]];
    };
    const a = await build("a.iso", sharedGrubCache, "1700000000");
    const b = await build("b.iso", sharedGrubCache, "1800000000");
    const unset = await build("unset.iso", sharedGrubCache, undefined);
    expect(sha256(a.file)).to.not.equal(sha256(b.file));
    expect(pvdDates(a.file)).to.deep.equal([volumeDate(1700000000), volumeDate(1700000000)]);
    expect(pvdDates(b.file)).to.deep.equal([volumeDate(1800000000), volumeDate(1800000000)]);
    expect(pvdDates(unset.file)).to.deep.equal([volumeDate(0), volumeDate(0)]);
    // File dates too (Rock Ridge TF), as xorriso lists them.
    expect(run("xorriso", ["-indev", b.file, "-lsl", "/boot/kernel.elf"])).to.match(/Jan 15\s+2027 '\/boot\/kernel\.elf'/);
    // Apart from dates, the images are the same: same size, and most bytes equal.
    const x = fs.readFileSync(a.file), y = fs.readFileSync(b.file);
    expect(x.length).to.equal(y.length);
    let differing = 0;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) differing++;
    expect(differing).to.be.greaterThan(0).and.lessThan(400);
  });
});
