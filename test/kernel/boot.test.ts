// End-to-end: the Toyix ISOs built by our own toolchain (make kernel-isos), booted
// headless in QEMU. Each boot ends on its verdict: the last line of the boot log,
// the echoed key, or the kernel's write to isa-debug-exit after "System halted.".

import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import type { QemuResult } from "../qemu.js";
import { repoRoot, requireTool, tmpDir } from "../tools.js";
import {
  bootIso,
  boundsFailBoot,
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

const VGA_COLUMNS = 80;
const VGA_ROWS = 25;

function prepare(ctx: Mocha.Context, file: string): void {
  requireTool(ctx, "qemu-system-i386");
  requireIsos(file);
}

describe("Toyix normal boot", function () {
  // One CD-ROM boot serves the log, keyboard and screen tests: once the log is complete,
  // type `a` and Shift+`b`; once their echo is on COM1, save the VGA text buffer
  // (pmemsave) and press Enter, whose echo ends the run. Each step waits, after its text
  // is on COM1, until the CPU is halted in the idle loop: the console writes a byte to
  // the serial port before the VGA driver draws it, so the screen may still lack what
  // COM1 shows (a key echoed in that gap landed before the last newline on the screen).
  let result: QemuResult;
  let screen: Buffer;
  // The disk boot runs meanwhile (QEMU is single-threaded here; the host has more cores).
  let diskBoot: Promise<QemuResult>;

  before(async function () {
    prepare(this, iso.normal);
    // -snapshot: QEMU opens the image read-only, so the disk boot never changes it and
    // can share it with the CD-ROM boot.
    diskBoot = bootIso({ disk: iso.normal, until: lastLine, extraArgs: ["-snapshot"] });
    diskBoot.catch(() => undefined); // awaited by its test; never an unhandled rejection
    const dir = tmpDir("toyix-vga-");
    const dump = path.join(dir, "vga.bin");
    let step = 0; // 0: booting, 1: keys typed, 2: screen saved
    let onHalt: (() => void) | undefined; // what to do once `info registers` shows HLT=1
    let answers = 0;
    result = await bootIso({
      cdrom: iso.normal,
      monitor: true,
      until: /aB\r?\n/,
      onMonitorOutput: (text, session) => {
        // Each `info registers` answer has one HLT= field; ask again until it reads 1.
        const halted = [...text.matchAll(/HLT=(\d)/g)];
        if (!onHalt || halted.length === answers) return;
        answers = halted.length;
        if (halted[answers - 1]![1] === "1") {
          const action = onHalt;
          onHalt = undefined;
          action();
        } else {
          session.monitor("info registers");
        }
      },
      onOutput: (serial, session) => {
        const whenHalted = (action: () => void): void => {
          onHalt = action;
          session.monitor("info registers");
        };
        if (step === 0 && !onHalt && lastLine.test(serial)) {
          whenHalted(() => {
            step = 1;
            session.monitor("sendkey a 10");
            session.monitor("sendkey shift-b 10");
          });
        }
        if (step === 1 && !onHalt && serial.endsWith("aB")) {
          whenHalted(() => {
            step = 2;
            // Quoted: unquoted, "4000 /tmp/..." would parse as a division.
            session.monitor(`pmemsave 0xb8000 ${VGA_COLUMNS * VGA_ROWS * 2} "${dump}"`);
            session.monitor("sendkey ret 10");
          });
        }
      },
    });
    screen = fs.existsSync(dump) ? fs.readFileSync(dump) : Buffer.alloc(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("boots from CD-ROM and prints the chapter's boot log, line for line", () => {
    const end = result.serial.indexOf(LAST_LINE);
    expect(end, `the boot log never ended; serial:\n${result.serial}`).to.be.greaterThan(-1);
    const lines = kernelLines(result.serial.slice(0, end + LAST_LINE.length + 1));
    expectLines(lines, normalBoot);

    // QEMU runs with -m 64: the PMM must track about 64 MiB and hand out most of it.
    const summary = /^PMM: (\d+) of (\d+) pages free/.exec(lines.find((l) => l.startsWith("PMM: ") && l.includes("pages free"))!)!;
    const free = Number(summary[1]);
    const tracked = Number(summary[2]);
    expect(tracked * 4096).to.be.within(62 << 20, 64 << 20);
    expect(free).to.be.within(tracked - 1024, tracked - 256); // minus the low MiB and the kernel image
  });

  it("echoes keys typed on the PS/2 keyboard (sendkey through the QEMU monitor)", () => {
    expect(result.timedOut, `keys not echoed; serial:\n${result.serial}`).to.equal(false);
    const afterBoot = result.serial.slice(result.serial.indexOf(LAST_LINE) + LAST_LINE.length + 1);
    expect(afterBoot).to.equal("aB\n");
  });

  it("shows the same text on the VGA screen as on COM1, scrolled to the last 25 lines", () => {
    expect(screen.length, "pmemsave of the VGA text buffer").to.equal(VGA_COLUMNS * VGA_ROWS * 2);
    const rows: string[] = [];
    for (let r = 0; r < VGA_ROWS; r++) {
      let row = "";
      for (let c = 0; c < VGA_COLUMNS; c++) {
        const cell = (r * VGA_COLUMNS + c) * 2;
        expect(screen[cell + 1], `attribute of row ${r} column ${c}`).to.equal(0x07);
        row += String.fromCharCode(screen[cell]!);
      }
      rows.push(row.trimEnd());
    }
    // The serial text up to the typed "aB", as screen rows: the log is longer than the
    // screen, so the first lines have scrolled off the top.
    const shown = result.serial.slice(0, result.serial.lastIndexOf("aB") + 2);
    const lines = kernelLines(shown);
    expect(lines.length, "the log should be longer than the screen").to.be.greaterThan(VGA_ROWS);
    expect(rows).to.deep.equal(lines.slice(-VGA_ROWS));
  });

  it("boots from the same image as a disk (what a USB stick is)", async () => {
    const disk = await diskBoot;
    expect(disk.timedOut, `no verdict; serial:\n${disk.serial}`).to.equal(false);
    expectLines(kernelLines(disk.serial), normalBoot);
  });
});

/**
 * The report's code line names the function and the TS line of the faulting instruction:
 * the same EIP as the chapter's line, `function+0xoff`, and a file:line whose source is `statement`.
 */
function expectCodeLocation(lines: string[], eipLine: RegExp, fn: string, statement: string): void {
  const eip = eipLine.exec(lines.find((l) => eipLine.test(l))!)![1]!;
  const located = lines.find((l) => l.startsWith(`EIP=${eip} (`));
  const m = /^EIP=0x\w+ \((\w+)\+0x[0-9a-f]+, (kernel\/\w+\.ts):(\d+)\)$/.exec(located ?? "");
  expect(m, `no code line for EIP=${eip} in:\n${lines.join("\n")}`).to.not.equal(null);
  expect(m![1]).to.equal(fn);
  const source = fs.readFileSync(path.join(repoRoot, m![2]!), "utf8").split("\n");
  expect(source[Number(m![3]) - 1]).to.contain(statement);
}

describe("Toyix exception path (TOYIX_TRIGGER_TEST_EXCEPTION)", function () {
  before(function () {
    prepare(this, iso.exception);
  });

  it("reports the ud2 as Invalid Opcode with registers, panics and halts", async () => {
    const result = await bootIso({ cdrom: iso.exception });
    expect(result.timedOut, `no verdict; serial:\n${result.serial}`).to.equal(false);
    expect(result.debugExitValue, `the kernel did not halt through panic; serial:\n${result.serial}`).to.equal(PANIC_EXIT_VALUE);
    const lines = kernelLines(result.serial);
    expectLines(lines, exceptionBoot);
    expectCodeLocation(lines, /^EIP=(0x\w+) CS=/, "kernel_main", "ud2();");
  });
});

describe("Toyix page-fault path (TOYIX_TRIGGER_PAGE_FAULT)", function () {
  before(function () {
    prepare(this, iso.pageFault);
  });

  it("reports the read of 0xC0000000 with CR2, EIP and the decoded error, panics and halts", async () => {
    const result = await bootIso({ cdrom: iso.pageFault });
    expect(result.timedOut, `no verdict; serial:\n${result.serial}`).to.equal(false);
    expect(result.debugExitValue, `the kernel did not halt through panic; serial:\n${result.serial}`).to.equal(PANIC_EXIT_VALUE);
    const lines = kernelLines(result.serial);
    expectLines(lines, pageFaultBoot);
    expectCodeLocation(lines, /^EIP=(0x\w+) error=/, "kernel_main", "load<u32>(TEST_FAULT_ADDRESS)");
  });
});

describe("Toyix bounds-check path (TOYIX_TRIGGER_BOUNDS_FAIL)", function () {
  before(function () {
    prepare(this, iso.boundsFail);
  });

  it("reports an out-of-range StaticArray index with its file and line, panics and halts", async () => {
    const result = await bootIso({ cdrom: iso.boundsFail });
    expect(result.timedOut, `no verdict; serial:\n${result.serial}`).to.equal(false);
    expect(result.debugExitValue, `the kernel did not halt through panic; serial:\n${result.serial}`).to.equal(PANIC_EXIT_VALUE);
    const lines = kernelLines(result.serial);
    expectLines(lines, boundsFailBoot);
    // The line named is the indexing in read_bounds_test_word.
    const named = Number(/kernel\/main\.ts:(\d+)$/.exec(lines.find((l) => l.startsWith("index out of bounds"))!)![1]);
    const source = fs.readFileSync(path.join(repoRoot, "kernel", "main.ts"), "utf8").split("\n");
    expect(source[named - 1]).to.contain("bounds_test_words[index]");
  });
});
