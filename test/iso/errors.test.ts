// Bad input: a clear diagnostic, exit status 1 (2 for usage), and no image left behind,
// neither a half-written one nor an old one that would look current.
import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { hasTool, requireTool, tmpDir, ts386 } from "../tools.js";
import { sharedGrubCache, testKernel, withEnv } from "./fixtures.js";

describe("iso: bad input", function () {
  let dir: string;
  let out: string;

  before(function () {
    requireTool(this, "nasm", "i686-linux-gnu-ld");
    dir = tmpDir("ts386-iso-errors-");
  });
  beforeEach(() => {
    out = path.join(dir, "out.iso");
    fs.writeFileSync(out, "an image from an earlier build");
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  /** Runs `ts386 iso` and checks the status, the message, and that no image is left. */
  async function expectFailure(argv: string[], status: number, message: RegExp, env: Record<string, string | undefined> = {}) {
    const r = await withEnv(env, () => ts386(["iso", ...argv, "--grub-cache", sharedGrubCache]));
    expect(r.stderr).to.match(message);
    expect(r.stderr).to.not.contain("internal error");
    expect(r.status).to.equal(status);
    if (status === 1) expect(fs.existsSync(out), "the old image was left behind").to.equal(false);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).to.deep.equal([]);
  }

  it("a missing kernel", async () => {
    const missing = path.join(dir, "no-such-kernel.elf");
    await expectFailure([missing, "-o", out], 1, new RegExp(`^iso: error: cannot read kernel '${missing}': no such file\\n$`));
  });

  it("a kernel that is not an ELF file", async () => {
    const text = path.join(dir, "kernel.txt");
    fs.writeFileSync(text, "dd 0x1BADB002, 0, -0x1BADB002\n".repeat(4));
    await expectFailure([text, "-o", out], 1, /kernel\.txt: error: not an ELF file; expected an i386 Multiboot kernel/);
  });

  it("an ELF kernel without a Multiboot header (grub-file agrees)", async function () {
    const plain = testKernel(false);
    await expectFailure([plain, "-o", out], 1, /error: no Multiboot header: magic 0x1BADB002 with a valid checksum must be 4-byte aligned in the first 8192 bytes/);
    if (hasTool("grub-file")) {
      const { spawnSync } = await import("node:child_process");
      expect(spawnSync("grub-file", ["--is-x86-multiboot", plain]).status).to.equal(1);
      expect(spawnSync("grub-file", ["--is-x86-multiboot", testKernel()]).status).to.equal(0);
    }
  });

  it("a --grub-cfg that does not exist, or is a directory", async () => {
    const cfg = path.join(dir, "missing.cfg");
    await expectFailure([testKernel(), "-o", out, "--grub-cfg", cfg], 1, new RegExp(`iso: error: cannot read GRUB configuration '${cfg}': no such file`));
    await expectFailure([testKernel(), "-o", out, "--grub-cfg", dir], 1, /iso: error: GRUB configuration '.*' is not a regular file/);
  });

  it("grub-mkimage missing: names the Debian package grub-common", async () => {
    await expectFailure([testKernel(), "-o", out], 1, /iso: error: grub-mkimage not found at '\/nonexistent\/grub-mkimage'; install the Debian package grub-common/,
      { TS386_GRUB_MKIMAGE: "/nonexistent/grub-mkimage" });
    await expectFailure([testKernel(), "-o", out], 1, /iso: error: grub-mkimage not found on PATH; install the Debian package grub-common/,
      { PATH: dir });
  });

  it("the GRUB module directory missing: names the Debian package grub-pc-bin", async () => {
    await expectFailure([testKernel(), "-o", out], 1, /iso: error: GRUB i386-pc modules not found in '\/nonexistent\/i386-pc' \(missing moddep\.lst, .*\); install the Debian package grub-pc-bin/,
      { TS386_GRUB_DIR: "/nonexistent/i386-pc" });
  });

  it("a SOURCE_DATE_EPOCH that is not a number of seconds", async () => {
    await expectFailure([testKernel(), "-o", out], 1, /iso: error: SOURCE_DATE_EPOCH must be seconds since 1970/, { SOURCE_DATE_EPOCH: "yesterday" });
  });

  it("an output that is a directory (left as it is)", async () => {
    const r = await ts386(["iso", testKernel(), "-o", dir, "--grub-cache", sharedGrubCache]);
    expect(r.status).to.equal(1);
    expect(r.stderr).to.equal(`iso: error: output '${dir}' is a directory\n`);
    expect(fs.statSync(dir).isDirectory()).to.equal(true);
  });

  it("usage errors exit 2: no -o, no kernel, two kernels, unknown option", async () => {
    await expectFailure([testKernel()], 2, /missing required option '-o'/);
    await expectFailure(["-o", out], 2, /no kernel given/);
    await expectFailure([testKernel(), testKernel(), "-o", out], 2, /exactly one kernel expected/);
    await expectFailure([testKernel(), "-o", out, "--grub-config", "x"], 2, /unknown option '--grub-config'/);
  });
});
