// Source-level debugging of Toyix as `make debug` sets it up: QEMU halted with its gdb
// stub, gdb on build/kernel.elf. gdb -batch breaks on a function and steps through it
// line by line and into a call, then on a TS line of the paging code: it must stop there
// showing that line, unwind through kernel_main (the .debug_frame call frames), and finish.

import { expect } from "chai";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as path from "node:path";
import { runQemu } from "../qemu.js";
import { repoRoot, requireTool } from "../tools.js";

const KERNEL = path.join(repoRoot, "build", "kernel.elf");
const ISO = path.join(repoRoot, "build", "toyix.iso");

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

/** The 1-based line of kernel/paging.ts that contains `text`. */
function pagingLine(text: string): number {
  const lines = fs.readFileSync(path.join(repoRoot, "kernel", "paging.ts"), "utf8").split("\n");
  const i = lines.findIndex((l) => l.includes(text));
  expect(i, text).to.be.greaterThan(-1);
  return i + 1;
}

describe("source-level debugging with gdb (make debug)", function () {
  before(function () {
    requireTool(this, "gdb", "qemu-system-i386");
    if (!fs.existsSync(ISO)) {
      console.log("      (skipped: no build/toyix.iso; run 'make iso' first)");
      this.skip();
    }
  });

  it("stops on a TS line of the paging code, shows it, backtraces through kernel_main, steps by lines", async function () {
    const line = pagingLine("const table_address: u32 = addressOf(identity_tables)");
    const port = await freePort();
    const qemu = runQemu({ cdrom: ISO, extraArgs: ["-S", "-gdb", `tcp:127.0.0.1:${port}`], timeoutMs: 60_000 });
    const gdb = await runGdb(["-batch", "-nx", KERNEL,
      "-ex", "set pagination off",
      "-ex", `target remote 127.0.0.1:${port}`,
      "-ex", "break paging_init",
      "-ex", `break kernel/paging.ts:${line}`,
      "-ex", "continue",
      "-ex", "next",
      "-ex", "next",
      "-ex", "step",
      "-ex", "continue",
      "-ex", "bt",
      "-ex", "next",
      "-ex", "info source",
      "-ex", "delete",
      "-ex", "finish",
      "-ex", "kill"]);
    const result = await qemu;
    const out = gdb.stdout;
    expect(gdb.status, `gdb failed:\n${out}\n${gdb.stderr}`).to.equal(0);
    expect(result.timedOut, "QEMU should end when gdb kills it").to.equal(false);
    // `break FUNCTION` stops after the prologue, on the first body line; `next` goes line by
    // line; `step` enters the call, on the callee's first body line.
    const init = pagingLine('console_writeln("Paging: building identity map")');
    expect(out).to.match(new RegExp(`Breakpoint 1, paging_init \\(\\) at kernel/paging\\.ts:${init}\\n${init}\\s+console_writeln`));
    expect(out).to.match(new RegExp(`\\n${init + 1}\\s+zero_page_directory\\(\\);\\n${init + 2}\\s+build_identity_tables\\(\\);\\n`));
    const callee = pagingLine("for (let table: u32 = 0; table < IDENTITY_TABLE_COUNT; table++)");
    expect(out).to.match(new RegExp(`\\nbuild_identity_tables \\(\\) at kernel/paging\\.ts:${callee}\\n${callee}\\s+for \\(let table`));
    // The line breakpoint, with the function, the file and line, and the source line itself.
    expect(out).to.match(new RegExp(`Breakpoint 2, build_identity_tables \\(\\) at kernel/paging\\.ts:${line}\\n${line}\\s+const table_address: u32`));
    // The backtrace: the paging code, called by paging_init, called by kernel_main, called by _start.
    const frames = out.split("\n").filter((l) => /^#\d+ /.test(l));
    expect(frames[0]).to.match(new RegExp(`^#0  build_identity_tables \\(\\) at kernel/paging\\.ts:${line}$`));
    expect(frames[1]).to.match(/^#1  0x[0-9a-f]+ in paging_init \(\) at kernel\/paging\.ts:\d+$/);
    expect(frames[2]).to.match(/^#2  0x[0-9a-f]+ in kernel_main \(\) at kernel\/main\.ts:\d+$/);
    expect(frames[3]).to.match(/^#3  0x[0-9a-f]+ in _start \(\)$/);
    // `next` goes to the following TS line.
    expect(out).to.match(new RegExp(`\\n${line + 1}\\s+page_directory\\[table\\] =`));
    // `finish` returns to the caller, by the call frame information.
    const afterInfoSource = out.slice(out.indexOf("Located in"));
    expect(afterInfoSource).to.match(/\n(0x[0-9a-f]+ in )?paging_init \(\) at kernel\/paging\.ts:\d+\n/);
    // gdb found the source through DW_AT_comp_dir and the relative name.
    expect(out).to.contain(`Located in ${path.join(repoRoot, "kernel", "paging.ts")}`);
  });
});
