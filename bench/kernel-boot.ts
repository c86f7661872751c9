// Kernel boot benchmark: how long the Toyix QEMU tests take, and how long the
// kernel takes from QEMU's start to "Timer: observed 3 ticks" booting the ISO
// as a CD-ROM (firmware, GRUB, kernel initialisation and three 10 ms ticks).
// Goals: the whole kernel test set under 5 s; boot at most ~0.56 s.
//
//   make kernel-isos && npx tsc -p . && node dist/bench/kernel-boot.js [--boots N]

import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { runQemu } from "../test/qemu.js";
import { repoRoot } from "../test/tools.js";
import { iso, requireIsos } from "../test/kernel/toyix.js";

const SUITE_GOAL_MS = 5000;
const BOOT_GOAL_MS = 560;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function bootTimes(count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const result = await runQemu({ cdrom: iso.normal, until: /Timer: observed 3 ticks/, timeoutMs: 30_000 });
    if (!result.matched) {
      const why = result.timedOut ? "timed out" : `QEMU exited with status ${result.exitCode}`;
      throw new Error(`boot ${i + 1} never printed "Timer: observed 3 ticks" (${why}); serial:\n${result.serial}`);
    }
    times.push(result.elapsedMs);
  }
  return times;
}

function suiteTime(): { ms: number; summary: string } {
  const mocha = path.join(repoRoot, "node_modules", "mocha", "bin", "mocha.js");
  const started = Date.now();
  const run = spawnSync(
    process.execPath,
    [mocha, "--no-config", "--reporter", "dot", "--timeout", "60000", path.join(repoRoot, "dist", "test", "kernel", "boot.test.js")],
    { cwd: repoRoot, encoding: "utf8" },
  );
  const ms = Date.now() - started;
  if (run.status !== 0) throw new Error(`kernel tests failed:\n${run.stdout}${run.stderr}`);
  const summary = /(\d+ passing.*)/.exec(run.stdout)?.[1] ?? "";
  return { ms, summary };
}

async function main(): Promise<void> {
  const at = process.argv.indexOf("--boots");
  const boots = at > 0 ? Number(process.argv[at + 1]) : 5;
  requireIsos(...Object.values(iso));

  const times = await bootTimes(boots);
  const suite = suiteTime();
  const bootMedian = median(times);
  const verdict = (ok: boolean): string => (ok ? "ok" : "MISSED");

  console.log("kernel boot (QEMU -accel tcg, -cdrom build/toyix.iso, to 'Timer: observed 3 ticks')");
  console.log(`  boots: ${times.map((t) => `${t} ms`).join(", ")}`);
  console.log(`  median ${bootMedian} ms, min ${Math.min(...times)} ms   goal <= ${BOOT_GOAL_MS} ms: ${verdict(bootMedian <= BOOT_GOAL_MS)}`);
  console.log("kernel QEMU test set (dist/test/kernel/boot.test.js, mocha in a fresh process)");
  console.log(`  ${suite.ms} ms (${suite.summary})   goal < ${SUITE_GOAL_MS} ms: ${verdict(suite.ms < SUITE_GOAL_MS)}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
