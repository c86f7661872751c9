// Build speed of the kernel: every step `make iso` runs from clean (rm -rf build), as the
// processes make starts, next to the tools that do the same step for a C/asm kernel:
//   ts386 asm boot/*.asm          nasm -f elf32 boot/*.asm
//   ts386 compile kernel/main.ts  (no counterpart: the kernel is TypeScript)
//   ts386 link -T boot/linker.ld  i686-linux-gnu-ld -m elf_i386 -T boot/linker.ld (same objects)
//   ts386 iso                     grub-mkrescue (same kernel.elf and grub.cfg)
// The iso step is timed cold (empty GRUB core-image cache, as after rm -rf build) and
// warm. Times are medians of N interleaved runs (default 5). Then the compiler's own
// stages (compileFile's timings, in-process, after one warm-up run). Node's own start-up
// is shown first: every ts386 step is a process that pays it. Last, the real thing:
// `make iso` from clean in a temporary copy of the tree (Makefile, kernel/ and boot/
// copied; bin/, dist/, runtime/, node_modules/ linked; KERNEL_TOOLS= so dist/ is not
// rebuilt), `rm -rf build` before each run.
//
//   node dist/bench/build-speed.js [--runs N]

import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { compileFile } from "../compiler/driver.js";
import { COMMAND_ENV, TS386_BIN } from "./command.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** The kernel's compile-time switches, all off (the plain `make iso`). */
const KERNEL_DEFINES = ["TOYIX_TRIGGER_PAGE_FAULT", "TOYIX_TRIGGER_TEST_EXCEPTION", "TOYIX_TRIGGER_BOUNDS_FAIL"];

interface Command {
  cmd: string;
  args: string[];
  /** Run before each timing, untimed (emptying a cache). */
  prepare?: () => void;
}

interface Step {
  stage: string;
  ours: Command;
  theirs?: Command;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Wall-clock milliseconds of one run; throws if it fails. */
function timeOnce(c: Command): number {
  c.prepare?.();
  const start = process.hrtime.bigint();
  const r = spawnSync(c.cmd, c.args, { cwd: root, stdio: ["ignore", "ignore", "pipe"], env: COMMAND_ENV });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${c.cmd} ${c.args.join(" ")} failed (${r.status ?? r.signal}): ${r.stderr?.toString() ?? r.error}`);
  return ms;
}

function steps(work: string): Step[] {
  const ts386 = (...args: string[]): Command => ({ cmd: TS386_BIN, args });
  const asmFiles = fs.readdirSync(path.join(root, "boot")).filter((f) => f.endsWith(".asm")).sort();
  const ourObject = (f: string) => path.join(work, `ts386-${f.replace(/\.asm$/, ".o")}`);
  const nasmObject = (f: string) => path.join(work, `nasm-${f.replace(/\.asm$/, ".o")}`);
  const kernelObject = path.join(work, "kernel.o");
  const ourElf = path.join(work, "kernel.elf");
  const cache = path.join(work, "grub-cache");
  const isoTree = path.join(work, "iso-tree");
  fs.mkdirSync(path.join(isoTree, "boot/grub"), { recursive: true });
  const mkrescue: Command = {
    cmd: "grub-mkrescue",
    args: ["-o", path.join(work, "mkrescue.iso"), isoTree],
    prepare: () => {
      fs.copyFileSync(ourElf, path.join(isoTree, "boot/kernel.elf"));
      fs.copyFileSync(path.join(root, "boot/grub.cfg"), path.join(isoTree, "boot/grub/grub.cfg"));
    },
  };
  const iso = ts386("iso", ourElf, "-o", path.join(work, "toyix.iso"), "--grub-cfg", "boot/grub.cfg", "--grub-cache", cache);
  return [
    { stage: "(Node start-up: node -e '')", ours: { cmd: process.execPath, args: ["-e", ""] } },
    ...asmFiles.map((f) => ({
      stage: `asm boot/${f}`,
      ours: ts386("asm", `boot/${f}`, "-o", ourObject(f)),
      theirs: { cmd: "nasm", args: ["-f", "elf32", `boot/${f}`, "-o", nasmObject(f)] },
    })),
    {
      stage: "compile kernel/main.ts",
      ours: ts386("compile", "kernel/main.ts", "-o", kernelObject, "--target", "kernel", ...KERNEL_DEFINES.flatMap((d) => ["--define", `${d}=false`])),
    },
    {
      stage: "link -T boot/linker.ld",
      ours: ts386("link", "-T", "boot/linker.ld", "--target", "kernel", "-o", ourElf, ...asmFiles.map(ourObject), kernelObject),
      theirs: { cmd: "i686-linux-gnu-ld", args: ["-m", "elf_i386", "-T", "boot/linker.ld", "-o", path.join(work, "ld-kernel.elf"), ...asmFiles.map(nasmObject), kernelObject] },
    },
    { stage: "iso (cold GRUB cache)", ours: { ...iso, prepare: () => fs.rmSync(cache, { recursive: true, force: true }) }, theirs: mkrescue },
    { stage: "iso (warm GRUB cache)", ours: iso, theirs: mkrescue },
  ];
}

function main(): void {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf("--runs");
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 5;
  if (!(runs >= 1)) throw new Error("--runs needs a positive number");
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "ts386-build-speed-"));
  try {
    const rows: string[] = ["| stage | ts386 ms | reference | reference ms | ratio |", "| --- | ---: | --- | ---: | ---: |"];
    let ourTotal = 0;
    let theirTotal = 0;
    let comparedOurs = 0;
    for (const step of steps(work)) {
      const ours: number[] = [];
      const theirs: number[] = [];
      for (let i = 0; i < runs; i++) {
        ours.push(timeOnce(step.ours));
        if (step.theirs) theirs.push(timeOnce(step.theirs));
      }
      const o = median(ours);
      const cold = !step.stage.includes("warm") && !step.stage.startsWith("(");
      if (cold) ourTotal += o;
      if (step.theirs) {
        const t = median(theirs);
        if (cold) {
          theirTotal += t;
          comparedOurs += o;
        }
        rows.push(`| ${step.stage} | ${o.toFixed(0)} | ${step.theirs.cmd} | ${t.toFixed(0)} | ${(o / t).toFixed(2)} |`);
      } else {
        rows.push(`| ${step.stage} | ${o.toFixed(0)} | — | | |`);
      }
    }
    rows.push(`| **sum of the steps** (cold) | **${ourTotal.toFixed(0)}** | nasm + ld + grub-mkrescue | **${theirTotal.toFixed(0)}** | ${(comparedOurs / theirTotal).toFixed(2)} (without compile) |`);
    rows.push(`| \`make iso\` from clean, measured whole | **${wholeMakeIso(work, runs).toFixed(0)}** | | | |`);
    console.log(rows.join("\n"));
    console.log();
    console.log(compilerStages(runs));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Median wall time of `make iso` from clean in a copy of the tree under `work`. */
function wholeMakeIso(work: string, runs: number): number {
  const tree = path.join(work, "tree");
  fs.mkdirSync(tree);
  for (const dir of ["bin", "dist", "runtime", "node_modules"]) fs.symlinkSync(path.join(root, dir), path.join(tree, dir));
  for (const dir of ["kernel", "boot", "scripts"]) fs.cpSync(path.join(root, dir), path.join(tree, dir), { recursive: true });
  for (const file of ["Makefile", "package.json", "package-lock.json"]) fs.copyFileSync(path.join(root, file), path.join(tree, file));
  const make: Command = {
    cmd: "make",
    args: ["-C", tree, "-s", "iso", "KERNEL_TOOLS="],
    prepare: () => fs.rmSync(path.join(tree, "build"), { recursive: true, force: true }),
  };
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(timeOnce(make));
  if (!fs.existsSync(path.join(tree, "build/toyix.iso"))) throw new Error("make iso made no build/toyix.iso");
  return median(times);
}

/** The compiler's stages on kernel/main.ts, in-process (medians after a warm-up run). */
function compilerStages(runs: number): string {
  const defines = new Map(KERNEL_DEFINES.map((d) => [d, "false"]));
  const compile = () => compileFile(path.join(root, "kernel/main.ts"), { target: "kernel", defines }).timings;
  const first = compile();
  const samples = new Map<string, number[]>();
  for (let i = 0; i < runs; i++) {
    for (const t of compile()) samples.set(t.stage, [...(samples.get(t.stage) ?? []), t.ms]);
  }
  const lines = ["| compiler stage (in-process) | first run ms | warm ms (median) |", "| --- | ---: | ---: |"];
  for (const t of first) lines.push(`| ${t.stage} | ${t.ms.toFixed(1)} | ${median(samples.get(t.stage) ?? [t.ms]).toFixed(1)} |`);
  return lines.join("\n");
}

main();
