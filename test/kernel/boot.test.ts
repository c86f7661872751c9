// End-to-end: the Toyix ISOs built by our own toolchain (make kernel-isos), booted
// headless in QEMU. Each boot ends on its verdict: the last line of the boot log,
// the echoed key, or the kernel's write to isa-debug-exit after "System halted.".

import { expect } from "chai";
import { requireTool } from "../tools.js";
import {
  bootIso,
  exceptionBoot,
  expectLines,
  iso,
  kernelLines,
  lastLine,
  LAST_LINE,
  normalBoot,
  PANIC_EXIT_VALUE,
  pageFaultBoot,
  requireIsos,
} from "./toyix.js";

function prepare(ctx: Mocha.Context): void {
  requireTool(ctx, "qemu-system-i386");
  requireIsos();
}

describe("Toyix normal boot", function () {
  before(function () {
    prepare(this);
  });

  it("boots from CD-ROM and prints the chapter's boot log, line for line", async () => {
    const result = await bootIso({ cdrom: iso.normal, until: lastLine });
    expect(result.timedOut, `no verdict; serial:\n${result.serial}`).to.equal(false);
    const lines = kernelLines(result.serial);
    expectLines(lines, normalBoot);

    // QEMU runs with -m 64: the PMM must track about 64 MiB and hand out most of it.
    const summary = /^PMM: (\d+) of (\d+) pages free/.exec(lines.find((l) => l.startsWith("PMM: ") && l.includes("pages free"))!)!;
    const free = Number(summary[1]);
    const tracked = Number(summary[2]);
    expect(tracked * 4096).to.be.within(62 << 20, 64 << 20);
    expect(free).to.be.within(tracked - 1024, tracked - 256); // minus the low MiB and the kernel image
  });

  it("boots from the same image as a disk (what a USB stick is)", async () => {
    // -snapshot: QEMU opens the image read-only, so a disk boot never changes it.
    const result = await bootIso({ disk: iso.normal, until: lastLine, extraArgs: ["-snapshot"] });
    expect(result.timedOut, `no verdict; serial:\n${result.serial}`).to.equal(false);
    expectLines(kernelLines(result.serial), normalBoot);
  });

  it("echoes keys typed on the PS/2 keyboard (sendkey through the QEMU monitor)", async () => {
    let sent = false;
    const echoed = /Next stop: kernel heap on top of mapped pages\.\r?\n(.*)aB/s;
    const result = await bootIso({
      cdrom: iso.normal,
      monitor: true,
      until: echoed,
      onOutput: (serial, session) => {
        if (!sent && lastLine.test(serial)) {
          sent = true;
          session.monitor("sendkey a 10");
          session.monitor("sendkey shift-b 10");
        }
      },
    });
    expect(sent, `the boot never reached its last line; serial:\n${result.serial}`).to.equal(true);
    expect(result.timedOut, `keys not echoed; serial:\n${result.serial}`).to.equal(false);
    const afterBoot = result.serial.slice(result.serial.indexOf(LAST_LINE) + LAST_LINE.length + 1);
    expect(afterBoot).to.equal("aB");
  });
});

describe("Toyix exception path (TOYIX_TRIGGER_TEST_EXCEPTION)", function () {
  before(function () {
    prepare(this);
  });

  it("reports the ud2 as Invalid Opcode with registers, panics and halts", async () => {
    const result = await bootIso({ cdrom: iso.exception });
    expect(result.timedOut, `no verdict; serial:\n${result.serial}`).to.equal(false);
    expect(result.debugExitValue, `the kernel did not halt through panic; serial:\n${result.serial}`).to.equal(PANIC_EXIT_VALUE);
    expectLines(kernelLines(result.serial), exceptionBoot);
  });
});

describe("Toyix page-fault path (TOYIX_TRIGGER_PAGE_FAULT)", function () {
  before(function () {
    prepare(this);
  });

  it("reports the read of 0xC0000000 with CR2, EIP and the decoded error, panics and halts", async () => {
    const result = await bootIso({ cdrom: iso.pageFault });
    expect(result.timedOut, `no verdict; serial:\n${result.serial}`).to.equal(false);
    expect(result.debugExitValue, `the kernel did not halt through panic; serial:\n${result.serial}`).to.equal(PANIC_EXIT_VALUE);
    expectLines(kernelLines(result.serial), pageFaultBoot);
  });
});
