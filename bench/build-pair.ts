// A benchmark pair: NAME.ts built by ts386 (--target linux) and its twin NAME.c built
// by gcc -O2, both static i386 Linux executables, run natively; their outputs must agree.

import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

/** gcc's flags for the twins. Loops stay loops (no calls to libc's memset/memcpy in the measured part). */
export const GCC_COMPILE_FLAGS = ["-O2", "-m32", "-fno-pie", "-fno-tree-loop-distribute-patterns"];
export const GCC_LINK_FLAGS = ["-m32", "-static", "-no-pie"];
/**
 * A second reference: gcc -O2 without its loop/SLP vectoriser, which at -O2 (gcc 12)
 * moves byte and halfword loops as 32-bit words. It shows how much of a gap is that.
 */
export const GCC_SCALAR_FLAGS = ["-fno-tree-vectorize"];
export const GCC = "i686-linux-gnu-gcc";

export interface Build {
  exe: string;
  /** The program's own object (its functions are the ones measured). */
  object: string;
  /** The assembly listing, for reading the generated code. */
  asm: string;
}

/** The programs of a directory that have both NAME.ts and NAME.c, sorted. */
export function listPrograms(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".ts") && fs.existsSync(path.join(dir, f.replace(/\.ts$/, ".c"))))
    .map((f) => f.replace(/\.ts$/, ""))
    .sort();
}

/** ts386 build --target linux, in-process, keeping the object and the listing. */
export async function buildTs386(source: string, outDir: string): Promise<Build> {
  const { main } = await import("../cli/main.js");
  const base = path.join(outDir, `${path.basename(source, ".ts")}-ts386`);
  const build = { exe: base, object: `${base}.o`, asm: `${base}.asm` };
  let messages = "";
  const collect = (s: string) => (messages += s + "\n");
  const argv = ["build", source, "-o", build.exe, "--target", "linux", "--emit-obj", build.object, "--emit-asm", build.asm];
  const status = await main(argv, { out: collect, err: collect });
  if (status !== 0) throw new Error(`ts386 build ${source} failed (status ${status}):\n${messages}`);
  return build;
}

/** gcc -O2 -c (plus `extraFlags`), then a static link; plus gcc -S for the listing. */
export function buildGcc(source: string, outDir: string, extraFlags: string[] = [], suffix = "gcc"): Build {
  const base = path.join(outDir, `${path.basename(source, ".c")}-${suffix}`);
  const build = { exe: base, object: `${base}.o`, asm: `${base}.s` };
  const gcc = (args: string[]) => execFileSync(GCC, args, { encoding: "latin1", stdio: ["ignore", "pipe", "pipe"] });
  const flags = [...GCC_COMPILE_FLAGS, ...extraFlags];
  gcc([...flags, "-c", source, "-o", build.object]);
  gcc([...flags, "-S", "-masm=intel", source, "-o", build.asm]);
  gcc([...GCC_LINK_FLAGS, build.object, "-o", build.exe]);
  return build;
}

export interface RunResult {
  stdout: string;
  status: number | null;
  signal: string | null;
}

export function runNative(exe: string): RunResult {
  const r = spawnSync(exe, [], { encoding: "latin1", timeout: 60_000 });
  if (r.error) throw r.error;
  return { stdout: r.stdout, status: r.status, signal: r.signal };
}

/** Throws, saying how, unless both runs printed the same thing and exited 0. */
export function checkAgreement(name: string, ours: RunResult, theirs: RunResult): void {
  const show = (r: RunResult) => `${JSON.stringify(r.stdout)} (${r.signal ?? `exit ${r.status}`})`;
  if (ours.stdout !== theirs.stdout || ours.status !== theirs.status || ours.signal !== theirs.signal) {
    throw new Error(`${name}: ts386 and gcc disagree: ts386 printed ${show(ours)}, gcc ${show(theirs)}`);
  }
  if (ours.status !== 0 || ours.stdout === "") throw new Error(`${name}: both runs failed alike: ${show(ours)}`);
}
