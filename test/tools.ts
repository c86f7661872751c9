// Helpers for tests that use real tools (nasm, GNU ld, xorriso, gcc, qemu) as oracles.
// A test whose oracle is missing skips with a message naming the Debian package;
// CI installs them all, so there nothing skips.

import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (tests run from dist/test/...). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const packages: Record<string, string> = {
  nasm: "nasm",
  "i686-linux-gnu-ld": "binutils-i686-linux-gnu",
  "i686-linux-gnu-objdump": "binutils-i686-linux-gnu",
  "i686-linux-gnu-readelf": "binutils-i686-linux-gnu",
  "i686-linux-gnu-as": "binutils-i686-linux-gnu",
  "i686-linux-gnu-gcc": "gcc-i686-linux-gnu",
  xorriso: "xorriso",
  "grub-mkimage": "grub-common",
  "grub-file": "grub-common",
  "grub-mkrescue": "grub-common",
  "qemu-system-i386": "qemu-system-x86",
  valgrind: "valgrind",
  gdb: "gdb",
};

export function hasTool(name: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" }).status === 0;
}

/** Call in a mocha `before`/`it` with `this`: skips with a clear message when a tool is missing. */
export function requireTool(ctx: Mocha.Context, ...names: string[]): void {
  for (const name of names) {
    if (!hasTool(name)) {
      const pkg = packages[name] ?? name;
      console.log(`      (skipped: '${name}' not installed; apt-get install ${pkg})`);
      ctx.skip();
    }
  }
}

export function tmpDir(prefix = "ts386-test-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function run(cmd: string, args: string[], opts: { cwd?: string; input?: string } = {}): string {
  return execFileSync(cmd, args, { cwd: opts.cwd, input: opts.input, encoding: "latin1", stdio: ["pipe", "pipe", "pipe"] });
}

/** Runs the ts386 CLI in-process; returns exit status and captured output. */
export async function ts386(argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const { main } = await import("../cli/main.js");
  let stdout = "";
  let stderr = "";
  const status = await main(argv, { out: (s) => (stdout += s + "\n"), err: (s) => (stderr += s + "\n") });
  return { status, stdout, stderr };
}
