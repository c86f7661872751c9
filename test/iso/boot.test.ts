// End to end: `ts386 iso` packs the test kernel, and QEMU boots the image as a CD and as
// a disk (what a USB stick written with dd is). Each run ends on the kernel's
// isa-debug-exit write, not on a timeout.
import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { runQemu } from "../qemu.js";
import { requireTool, tmpDir, ts386 } from "../tools.js";
import { KERNEL_EXIT_VALUE, KERNEL_MESSAGE, sharedGrubCache, testKernel } from "./fixtures.js";

describe("iso: the image boots in QEMU", function () {
  let dir: string;
  let iso: string;

  before(async function () {
    requireTool(this, "nasm", "i686-linux-gnu-ld", "grub-mkimage", "qemu-system-i386");
    dir = tmpDir("ts386-iso-boot-");
    iso = path.join(dir, "test.iso");
    const r = await ts386(["iso", testKernel(), "-o", iso, "--grub-cache", sharedGrubCache]);
    expect(r.stderr).to.equal("");
    expect(r.status).to.equal(0);
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  const expectBooted = (r: Awaited<ReturnType<typeof runQemu>>) => {
    expect(r.timedOut, `timed out; serial: ${JSON.stringify(r.serial)}`).to.equal(false);
    expect(r.serial).to.contain(KERNEL_MESSAGE + "\n");
    expect(r.debugExitValue).to.equal(KERNEL_EXIT_VALUE);
  };

  it("as a CD (-cdrom): El Torito, GRUB, multiboot, the kernel's serial line, isa-debug-exit", async () => {
    expectBooted(await runQemu({ cdrom: iso, timeoutMs: 20_000 }));
  });

  it("as a disk (-drive if=ide, like a USB stick): hybrid MBR, GRUB, the kernel", async () => {
    expectBooted(await runQemu({ disk: iso, timeoutMs: 20_000 }));
  });

  it("boots kernels of other sizes: GRUB's reads near the end of the image stay inside it", async function () {
    // GRUB reads in aligned 32 KiB units; before the image was padded to them, whether a
    // CD booted depended on where the last file ended.
    for (const pad of [13_001, 30_000, 1_048_573]) {
      const kernel = testKernel(true, pad);
      const out = path.join(dir, `pad-${pad}.iso`);
      const r = await ts386(["iso", kernel, "-o", out, "--grub-cache", sharedGrubCache]);
      expect(r.status, r.stderr).to.equal(0);
      const q = await runQemu({ cdrom: out, timeoutMs: 20_000 });
      expect(q.timedOut, `kernel padded by ${pad}: timed out; serial ${JSON.stringify(q.serial)}`).to.equal(false);
      expectBooted(q);
    }
  });

  it("runs the --grub-cfg given instead of the default (here: a serial menu entry)", async () => {
    const cfg = path.join(dir, "custom.cfg");
    const title = "custom entry from --grub-cfg";
    fs.writeFileSync(cfg, [
      "serial --unit=0 --speed=115200",
      "terminal_output serial",
      "set timeout=0",
      `menuentry "${title}" {`,
      "  multiboot /boot/kernel.elf",
      "}",
      "",
    ].join("\n"));
    const custom = path.join(dir, "custom.iso");
    const r = await ts386(["iso", testKernel(), "-o", custom, "--grub-cfg", cfg, "--grub-cache", sharedGrubCache]);
    expect(r.status, r.stderr).to.equal(0);
    const q = await runQemu({ disk: custom, timeoutMs: 20_000 });
    expectBooted(q);
    // GRUB itself printed on COM1, which only the custom configuration asks for.
    expect(q.serial).to.contain(`Booting \`${title}'`);
    expect(q.serial.indexOf(title)).to.be.lessThan(q.serial.indexOf(KERNEL_MESSAGE));
  });
});
