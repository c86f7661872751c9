// ISO size and build time: `ts386 iso` next to `grub-mkrescue` on the same kernel and
// the same grub.cfg, with ratios (below 1 means ts386 is smaller / faster).
//
//   node dist/bench/iso-size.js [KERNEL.elf] [--runs N]
//
// Without a kernel it builds the small Multiboot test kernel of test/iso (nasm + ld).
// Times are medians of N interleaved runs (default 7), so both tools see the same load:
//   ts386 warm    the GRUB core image is in the cache (the usual case)
//   ts386 cold    an empty cache: grub-mkimage runs first
// each in-process (the library call) and as a process: `node bin/ts386.js iso` (Node's
// start-up and every subcommand's modules), and a Node process that loads only the ISO
// writer (what the command costs when the other subcommands load lazily).
// grub-mkrescue needs xorriso and mtools.
// Goals: at most a tenth of grub-mkrescue's size, at most half its time (warm).

import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { buildIso } from "../iso/build-iso.js";
import { COMMAND_ENV, TS386_BIN } from "./command.js";
import { defaultGrubConfig } from "../iso/grub-config.js";
import { testKernel } from "../test/iso/fixtures.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function timeMs(f: () => void): number {
  const t = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function runOk(cmd: string, args: string[], env?: NodeJS.ProcessEnv): void {
  const r = spawnSync(cmd, args, { stdio: ["ignore", "ignore", "pipe"], env: env ?? process.env });
  if (r.status !== 0) throw new Error(`${cmd} failed (${r.status ?? r.signal}): ${r.stderr?.toString() ?? r.error}`);
}

function hasTool(name: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" }).status === 0;
}

function main(): void {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf("--runs");
  const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 7;
  for (const tool of ["grub-mkrescue", "xorriso", "mformat"]) {
    if (!hasTool(tool)) {
      console.error(`iso-size: '${tool}' is needed for the comparison; apt-get install ${tool === "mformat" ? "mtools" : tool === "xorriso" ? "xorriso" : "grub-common"}`);
      process.exit(1);
    }
  }
  const kernel = args[0] ?? testKernel();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "ts386-iso-bench-"));
  try {
    const cfg = path.join(work, "grub.cfg");
    fs.writeFileSync(cfg, defaultGrubConfig());
    const tree = path.join(work, "tree");
    fs.mkdirSync(path.join(tree, "boot/grub"), { recursive: true });
    fs.copyFileSync(kernel, path.join(tree, "boot/kernel.elf"));
    fs.copyFileSync(cfg, path.join(tree, "boot/grub/grub.cfg"));
    const ref = path.join(work, "grub-mkrescue.iso");
    const ours = path.join(work, "ts386.iso");
    const warmCache = path.join(work, "cache");
    const cliArgs = (cache: string) => ["iso", kernel, "-o", ours, "--grub-cfg", cfg, "--grub-cache", cache];
    buildIso({ kernel, output: ours, grubCfg: cfg, cacheDir: warmCache }); // fill the cache

    const libOnly = (cache: string) => ["--input-type=module", "-e",
      `import { buildIso } from ${JSON.stringify(path.join(root, "dist/iso/build-iso.js"))};` +
      `buildIso(${JSON.stringify({ kernel, output: ours, grubCfg: cfg, cacheDir: cache })});`];
    const t = { mkrescue: [] as number[], warm: [] as number[], cold: [] as number[], warmCli: [] as number[], coldCli: [] as number[], warmLib: [] as number[] };
    for (let i = 0; i < runs; i++) {
      t.mkrescue.push(timeMs(() => runOk("grub-mkrescue", ["-o", ref, tree])));
      t.warm.push(timeMs(() => buildIso({ kernel, output: ours, grubCfg: cfg, cacheDir: warmCache })));
      t.warmCli.push(timeMs(() => runOk(TS386_BIN, cliArgs(warmCache), COMMAND_ENV)));
      t.warmLib.push(timeMs(() => runOk(process.execPath, libOnly(warmCache))));
      const cold = path.join(work, `cold-${i}`);
      t.cold.push(timeMs(() => buildIso({ kernel, output: ours, grubCfg: cfg, cacheDir: cold })));
      const coldCli = path.join(work, `cold-cli-${i}`);
      t.coldCli.push(timeMs(() => runOk(TS386_BIN, cliArgs(coldCli), COMMAND_ENV)));
    }
    const size = { mkrescue: fs.statSync(ref).size, ours: fs.statSync(ours).size };
    const m = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, median(v)])) as Record<keyof typeof t, number>;
    const kb = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
    const ms = (n: number) => `${n.toFixed(1)} ms`;
    const ratio = (a: number, b: number) => (a / b).toFixed(3);
    console.log(`ISO size and build time, ${path.basename(kernel)} (${fs.statSync(kernel).size} bytes), median of ${runs} runs, ${os.cpus().length} CPUs`);
    console.log("");
    const row = (label: string, value: string, extra = "") => console.log(`  ${label.padEnd(36)} ${value.padStart(10)}${extra}`);
    const goal = (r: number, g: number) => `   ratio ${r.toFixed(3)}   (goal <= ${g.toFixed(3)}: ${r <= g ? "met" : "MISSED"})`;
    row("size, grub-mkrescue", kb(size.mkrescue));
    row("size, ts386 iso", kb(size.ours), goal(size.ours / size.mkrescue, 0.1));
    row("time, grub-mkrescue", ms(m.mkrescue));
    row("time, ts386 warm, in-process", ms(m.warm), goal(m.warm / m.mkrescue, 0.5));
    row("time, ts386 warm, process", ms(m.warmCli), goal(m.warmCli / m.mkrescue, 0.5));
    row("time, ts386 warm, process, iso only", ms(m.warmLib), goal(m.warmLib / m.mkrescue, 0.5));
    row("time, ts386 cold, in-process", ms(m.cold), `   ratio ${ratio(m.cold, m.mkrescue)}`);
    row("time, ts386 cold, process", ms(m.coldCli), `   ratio ${ratio(m.coldCli, m.mkrescue)}`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main();
