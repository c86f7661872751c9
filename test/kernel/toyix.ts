// What the Toyix kernel tests (and bench/kernel-boot.ts) share: where `make
// kernel-isos` puts the ISOs, how to boot them, and the serial output
// the chapter expects, line for line.

import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { runQemu, type QemuOptions, type QemuResult } from "../qemu.js";
import { repoRoot } from "../tools.js";

export const iso = {
  normal: path.join(repoRoot, "build", "toyix.iso"),
  exception: path.join(repoRoot, "build", "variants", "TOYIX_TRIGGER_TEST_EXCEPTION", "toyix.iso"),
  pageFault: path.join(repoRoot, "build", "variants", "TOYIX_TRIGGER_PAGE_FAULT", "toyix.iso"),
  boundsFail: path.join(repoRoot, "build", "variants", "TOYIX_TRIGGER_BOUNDS_FAIL", "toyix.iso"),
};

/** Fails with the command that builds the ISOs when one of `files` is missing. */
export function requireIsos(...files: string[]): void {
  for (const file of files) {
    if (!fs.existsSync(file)) {
      throw new Error(`${path.relative(repoRoot, file)} is missing: run \`make kernel-isos\` (\`make test\` does)`);
    }
  }
}

/** The value kernel/panic.ts writes to the isa-debug-exit port after "System halted.". */
export const PANIC_EXIT_VALUE = 0x10;

/** Safety net only: every boot ends on its verdict long before. */
export const BOOT_TIMEOUT_MS = 30_000;

export const LAST_LINE = "Next stop: kernel heap on top of mapped pages.";
export const lastLine = /Next stop: kernel heap on top of mapped pages\.\r?\n/;

/** One expected line: exact text, a pattern, or a pattern any number (>= 1) of consecutive lines match. */
export type Expected = string | RegExp | { repeated: RegExp };

const hex = "0x[0-9A-F]{8}";

/** The normal boot, from the first line to the last, nothing left out and nothing added. */
export const normalBoot: Expected[] = [
  "Toyix kernel alive",
  "Boot protocol: Multiboot OK",
  new RegExp(`^Multiboot info at ${hex}$`),
  "GDT: installed flat kernel code/data segments",
  "IDT: installed CPU exception handlers",
  "PIC: remapped IRQs to vectors 0x20-0x2F",
  "PMM: parsing Multiboot memory map",
  { repeated: new RegExp(`^PMM: region ${hex}-${hex} (available|reserved \\(type \\d+\\))$`) },
  "PMM: reserved low memory 0x00000000-0x000FFFFF",
  /^PMM: reserved kernel image 0x00100000-0x00[0-9A-F]{6}$/,
  /^PMM: \d+ of \d+ pages free \(\d+ MiB\)$/,
  "PMM test: allocation/free sanity check passed",
  "Paging: building identity map",
  "Paging: enabled with identity map of first 16 MiB",
  /^Paging: CR3=0x001[0-9A-F]{5}$/,
  "Paging test: identity-mapped kernel data is readable/writable",
  "PIT: timer running at 0x00000064 Hz",
  "Keyboard: IRQ1 handler installed",
  "Interrupt hardware: configured",
  "Interrupts: enabled",
  "Timer: observed 3 ticks",
  "Try typing in the QEMU window.",
  LAST_LINE,
];

const upTo = (line: string): Expected[] => normalBoot.slice(0, normalBoot.indexOf(line) + 1);

/** The fault reports' code line, from the kernel's line table (kernel/code_location.ts). */
export const CODE_LOCATION = /^EIP=0x001[0-9A-F]{5} \(\w+\+0x[0-9a-f]+, kernel\/\w+\.ts:\d+\)$/;

/** TOYIX_TRIGGER_TEST_EXCEPTION: ud2 after the drivers are configured, the generic report, the panic. */
export const exceptionBoot: Expected[] = [
  ...upTo("Interrupt hardware: configured"),
  "Triggering test exception with UD2...",
  "",
  "*** CPU EXCEPTION ***",
  "Exception: Invalid Opcode (vector 0x00000006)",
  "Error code=0x00000000",
  new RegExp(`^EAX=${hex} EBX=${hex} ECX=${hex} EDX=${hex}$`),
  new RegExp(`^ESI=${hex} EDI=${hex} EBP=${hex} ESP=0x001[0-9A-F]{5}$`),
  new RegExp(`^EIP=0x001[0-9A-F]{5} CS=0x00000008 EFLAGS=${hex}$`),
  CODE_LOCATION,
  "*** KERNEL PANIC ***",
  "Reason: CPU exception",
  "System halted.",
];

/** TOYIX_TRIGGER_PAGE_FAULT: a read of 0xC0000000 right after the paging test, the diagnostics, the panic. */
export const pageFaultBoot: Expected[] = [
  ...upTo("Paging test: identity-mapped kernel data is readable/writable"),
  "Triggering test page fault at 0xC0000000...",
  "",
  "*** PAGE FAULT ***",
  "Fault address CR2=0xC0000000",
  /^EIP=0x001[0-9A-F]{5} error=0x00000000$/,
  "Page fault error bits: not-present read supervisor",
  CODE_LOCATION,
  "*** KERNEL PANIC ***",
  "Reason: page fault",
  "System halted.",
];

/** TOYIX_TRIGGER_BOUNDS_FAIL: a StaticArray read one past its end, the compiler's message, the panic. */
export const boundsFailBoot: Expected[] = [
  ...upTo("Paging test: identity-mapped kernel data is readable/writable"),
  "Triggering test bounds failure at index 4 of 4...",
  /^index out of bounds at kernel\/main\.ts:\d+$/,
  "*** KERNEL PANIC ***",
  "Reason: bounds check failed",
  "System halted.",
];

/** The serial lines from "Toyix kernel alive" on (what the firmware and GRUB print before is not ours). */
export function kernelLines(serial: string): string[] {
  const start = serial.indexOf("Toyix kernel alive");
  expect(start, `the kernel printed nothing on COM1; serial was:\n${serial}`).to.be.greaterThan(-1);
  const lines = serial.slice(start).split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** Asserts that `lines` are exactly `expected`, in order, and says which line differs. */
export function expectLines(lines: string[], expected: Expected[], count: "exactly" | "atLeast" = "exactly"): void {
  let at = 0;
  const show = (): string => `\n--- serial (from the first kernel line) ---\n${lines.join("\n")}`;
  for (const want of expected) {
    const got = lines[at];
    if (typeof want === "string") {
      expect(got, `line ${at + 1} should be ${JSON.stringify(want)}${show()}`).to.equal(want);
      at++;
    } else if (want instanceof RegExp) {
      expect(got !== undefined && want.test(got), `line ${at + 1} ${JSON.stringify(got)} should match ${want}${show()}`).to.equal(true);
      at++;
    } else {
      expect(got !== undefined && want.repeated.test(got), `line ${at + 1} ${JSON.stringify(got)} should match ${want.repeated}${show()}`).to.equal(true);
      while (at < lines.length && want.repeated.test(lines[at]!)) at++;
    }
  }
  if (count === "exactly") {
    expect(lines.slice(at), `unexpected lines after the last expected one${show()}`).to.deep.equal([]);
  }
}

/** Boots one ISO headless and resolves once its verdict is in. */
export function bootIso(options: QemuOptions): Promise<QemuResult> {
  return runQemu({ timeoutMs: BOOT_TIMEOUT_MS, ...options });
}
