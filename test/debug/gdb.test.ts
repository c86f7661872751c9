// Source-level debugging of Toyix as `make debug` sets it up: QEMU halted with its gdb
// stub, gdb on build/kernel.elf. gdb -batch breaks on TS lines of kernel_main and of the
// paging code: it must stop there showing the line, step into calls on their first body
// line, unwind through kernel_main (the .debug_frame call frames), and finish.

import { expect } from "chai";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as path from "node:path";
import { runQemu } from "../qemu.js";
import { repoRoot, requireTool } from "../tools.js";

const KERNEL = path.join(repoRoot, "build", "kernel.elf");
const ISO = path.join(repoRoot, "build", "toyix.iso");
const FAULT_DIR = path.join(repoRoot, "build", "variants", "TOYIX_TRIGGER_PAGE_FAULT");

/** gdb run asynchronously (QEMU's serial output must keep flowing meanwhile). */
function runGdb(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("gdb", args, { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/** The 1-based line of kernel/FILE that contains `text`. */
function sourceLine(file: string, text: string): number {
  const lines = fs.readFileSync(path.join(repoRoot, "kernel", file), "utf8").split("\n");
  const i = lines.findIndex((l) => l.includes(text));
  expect(i, text).to.be.greaterThan(-1);
  return i + 1;
}

describe("source-level debugging with gdb (make debug)", function () {
  before(function () {
    requireTool(this, "gdb", "qemu-system-i386");
    if (!fs.existsSync(ISO)) {
      // `make test` builds the ISOs first: a missing one means the kernel build failed.
      throw new Error("no build/toyix.iso: the kernel build failed, or run 'make kernel-isos' first");
    }
  });

  it("stops on a TS line of the paging code, shows it, backtraces through kernel_main, steps in and out", async function () {
    // Lines in functions that make calls, called outside loops: the optimiser does not inline them.
    const call = sourceLine("main.ts", "paging_init();");
    const line = sourceLine("paging.ts", "interrupt_register_handler(PAGE_FAULT_VECTOR, page_fault_handler);");
    const first = sourceLine("paging.ts", 'console_writeln("Paging: building identity map");');
    const inLoop = sourceLine("paging.ts", "page_directory[table] = (table_address & PAGE_FRAME_MASK)");
    const port = await freePort();
    const qemu = runQemu({ cdrom: ISO, extraArgs: ["-S", "-gdb", `tcp:127.0.0.1:${port}`], timeoutMs: 60_000 });
    const gdb = await runGdb(["-batch", "-nx", KERNEL,
      "-ex", "set pagination off",
      "-ex", `target remote 127.0.0.1:${port}`,
      "-ex", `break kernel/main.ts:${call}`,
      "-ex", `break kernel/paging.ts:${line}`,
      "-ex", `break kernel/paging.ts:${inLoop}`,
      "-ex", "continue",
      "-ex", "step",
      "-ex", "continue",
      "-ex", "info locals",
      "-ex", "delete 3",
      "-ex", "continue",
      "-ex", "ptype page_directory",
      "-ex", "print/x page_directory[0] & 0xfff",
      "-ex", "bt",
      "-ex", "step",
      "-ex", "info args",
      "-ex", "bt",
      "-ex", "info source",
      "-ex", "finish",
      "-ex", "kill"]);
    const result = await qemu;
    const out = gdb.stdout;
    expect(gdb.status, `gdb failed:\n${out}\n${gdb.stderr}`).to.equal(0);
    expect(result.timedOut, "QEMU should end when gdb kills it").to.equal(false);
    const at = (fn: string, file: string, n: number) => `${fn} \\([^)]*\\) at kernel/${file.replace(".", "\\.")}:${n}\\n${n}\\t`;
    // The first breakpoint, in kernel_main; `step` enters paging_init on its first body line.
    expect(out).to.match(new RegExp(`Breakpoint 1, ${at("kernel_main", "main.ts", call)}\\s*paging_init\\(\\);`));
    expect(out).to.match(new RegExp(`\\n${at("paging_init", "paging.ts", first)}\\s*console_writeln\\("Paging: building identity map"\\);`));
    // In the loop, its first time round: the locals, with the loop counter in its register.
    expect(out).to.match(new RegExp(`Breakpoint 3, ${at("build_identity_tables", "paging.ts", inLoop)}.*\\n(.*\\n)*table = 0\\n`));
    // The line breakpoint: the function, the file and line, and the source line itself.
    expect(out).to.match(new RegExp(`Breakpoint 2, ${at("paging_init", "paging.ts", line)}\\s*interrupt_register_handler\\(PAGE_FAULT_VECTOR`));
    // Module-level storage: the page directory is a u32 array whose first entry is present and writable.
    expect(out).to.contain("type = u32 [1024]");
    expect(out).to.match(/\n\$1 = 0x3\n/);
    // The backtraces: through kernel_main to _start, then one deeper after stepping into the call.
    const frames = out.split("\n").filter((l) => /^#\d+ /.test(l));
    expect(frames.slice(0, 3)).to.have.length(3);
    expect(frames[0]).to.match(new RegExp(`^#0  paging_init \\(\\) at kernel/paging\\.ts:${line}$`));
    expect(frames[1]).to.match(new RegExp(`^#1  0x[0-9a-f]+ in kernel_main \\(multiboot_magic=.*, multiboot_info_addr=.*\\) at kernel/main\\.ts:${call}$`));
    expect(frames[2]).to.match(/^#2  0x[0-9a-f]+ in _start \(\)$/);
    // The arguments, read from the caller's stack words on entry (cdecl): vector 14 (page fault).
    expect(frames[3]).to.match(/^#0  interrupt_register_handler \(vector=14, handler=\d+\) at kernel\/interrupts\.ts:\d+$/);
    expect(out).to.match(/\nvector = 14\nhandler = \d+\n/);
    expect(frames[4]).to.match(new RegExp(`^#1  0x[0-9a-f]+ in paging_init \\(\\) at kernel/paging\\.ts:${line}$`));
    expect(frames[5]).to.match(new RegExp(`^#2  0x[0-9a-f]+ in kernel_main \\(.*\\) at kernel/main\\.ts:${call}$`));
    // gdb found the source through DW_AT_comp_dir and the relative name.
    expect(out).to.contain(`Located in ${path.join(repoRoot, "kernel", "interrupts.ts")}`);
    // `finish` returns to the caller, by the call frame information.
    const afterInfoSource = out.slice(out.indexOf("Located in"));
    expect(afterInfoSource).to.match(/\n(0x[0-9a-f]+ in )?paging_init \(\) at kernel\/paging\.ts:\d+\n/);
  });

  it("in the page-fault handler, reads the interrupt frame as a structure and finds the faulting TS line", async function () {
    const kernel = path.join(FAULT_DIR, "kernel.elf");
    const iso = path.join(FAULT_DIR, "toyix.iso");
    if (!fs.existsSync(iso)) {
      throw new Error("no page-fault variant ISO: the kernel build failed, or run 'make kernel-isos' first");
    }
    const port = await freePort();
    const qemu = runQemu({ cdrom: iso, extraArgs: ["-S", "-gdb", `tcp:127.0.0.1:${port}`], timeoutMs: 60_000 });
    const gdb = await runGdb(["-batch", "-nx", kernel,
      "-ex", `target remote 127.0.0.1:${port}`,
      "-ex", "break page_fault_handler",
      "-ex", "continue",
      "-ex", "ptype struct InterruptFrame",
      "-ex", "print/x ((struct InterruptFrame *)frame)->vector",
      "-ex", "print/x ((struct InterruptFrame *)frame)->eip",
      "-ex", "info line *$2",
      "-ex", "next",
      "-ex", "next",
      "-ex", "print/x fault_address",
      "-ex", "print/x f->eip",
      "-ex", "kill"]);
    await qemu;
    const out = gdb.stdout;
    expect(gdb.status, `gdb failed:\n${out}\n${gdb.stderr}`).to.equal(0);
    expect(out).to.match(/Breakpoint 1, page_fault_handler \(frame=\d+\) at kernel\/paging\.ts:\d+/);
    expect(out).to.match(/type = struct InterruptFrame \{\n(\s+u32 \w+;\n)*\s+u32 eip;\n/);
    expect(out).to.match(/\n\$1 = 0xe\n/);
    const faulting = sourceLine("main.ts", "load<u32>(TEST_FAULT_ADDRESS)");
    expect(out).to.match(new RegExp(`Line ${faulting} of "kernel/main\\.ts" starts at address 0x[0-9a-f]+ <kernel_main\\+\\d+>`));
    // Locals the optimiser folded into other values (`f` is `frame`, `fault_address` the readCr2 result) still read.
    expect(out).to.match(/\n\$3 = 0xc0000000\n/);
    const eip = /\n\$2 = (0x[0-9a-f]+)\n/.exec(out)![1];
    expect(out).to.contain(`\n$4 = ${eip}\n`);
  });
});
