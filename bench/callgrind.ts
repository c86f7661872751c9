// Instruction counts of one function (and everything it calls) from valgrind's
// callgrind tool, which counts executed instructions deterministically.
//
// ts386's executables carry their symbols as NOTYPE with size 0, which valgrind
// does not read, so it names our functions by address ("0x080482b1"): the
// toggle is given both as the symbol's name (gcc's executables) and as its address.

import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

/** The `Ir` total of a callgrind output file (its `totals:` line, else `summary:`). */
export function parseCallgrindTotal(text: string): number {
  const events = /^events:\s*(.+)$/m.exec(text);
  if (!events) throw new Error("callgrind output has no 'events:' line");
  const column = events[1]!.trim().split(/\s+/).indexOf("Ir");
  if (column < 0) throw new Error(`callgrind output does not count Ir (events: ${events[1]})`);
  const line = /^totals:\s*(.+)$/m.exec(text) ?? /^summary:\s*(.+)$/m.exec(text);
  if (!line) throw new Error("callgrind output has no 'totals:' or 'summary:' line");
  const value = line[1]!.trim().split(/\s+/)[column];
  if (value === undefined || !/^\d+$/.test(value)) throw new Error(`bad callgrind total line: ${line[0]}`);
  return Number(value);
}

/**
 * Calls `visit(function, positions, ir)` for each self-cost line of a callgrind
 * output file. Names are compressed ("fn=(3) name" once, then "fn=(3)"); positions
 * ("positions: instr line") may be absolute, relative (+n/-n) or "*" (unchanged);
 * the cost line after a "calls=" line is the callee's inclusive cost, not the caller's own.
 */
function forEachSelfCost(text: string, visit: (fn: string, positions: number[], ir: number) => void): void {
  const events = /^events:\s*(.+)$/m.exec(text);
  if (!events) throw new Error("callgrind output has no 'events:' line");
  const positionNames = (/^positions:\s*(.+)$/m.exec(text)?.[1] ?? "line").trim().split(/\s+/);
  const irColumn = positionNames.length + events[1]!.trim().split(/\s+/).indexOf("Ir");
  const names = new Map<string, string>();
  const name = (spec: string): string => {
    const m = /^\((\d+)\)(?:\s+(.*))?$/.exec(spec.trim());
    if (!m) return spec.trim();
    if (m[2] !== undefined) names.set(m[1]!, m[2]);
    return names.get(m[1]!) ?? `(${m[1]})`;
  };
  const last = positionNames.map(() => 0);
  let current: string | undefined;
  let callCost = false;
  for (const line of text.split("\n")) {
    if (line.startsWith("fn=")) current = name(line.slice(3));
    else if (line.startsWith("cfn=")) name(line.slice(4));
    else if (line.startsWith("calls=")) callCost = true;
    else if (/^[0-9+\-*]/.test(line) && current !== undefined) {
      const fields = line.trim().split(/\s+/);
      fields.slice(0, positionNames.length).forEach((f, i) => {
        if (f.startsWith("+") || f.startsWith("-")) last[i]! += Number(f);
        else if (f !== "*") last[i] = f.startsWith("0x") ? parseInt(f, 16) : Number(f);
      });
      if (callCost) callCost = false;
      else visit(current, last, Number(fields[irColumn] ?? 0));
    }
  }
}

/** The self cost (Ir) of each function in a callgrind output file. */
export function parseCallgrindSelfCosts(text: string): Map<string, number> {
  const costs = new Map<string, number>();
  forEachSelfCost(text, (fn, _positions, ir) => costs.set(fn, (costs.get(fn) ?? 0) + ir));
  return costs;
}

/** The Ir of each instruction address (a file written with --dump-instr=yes). */
export function parseCallgrindInstructionCosts(text: string): Map<number, number> {
  if (!/^positions:.*\binstr\b/m.test(text)) throw new Error("callgrind output has no instruction positions (run with --dump-instr=yes)");
  const costs = new Map<number, number>();
  forEachSelfCost(text, (_fn, positions, ir) => costs.set(positions[0]!, (costs.get(positions[0]!) ?? 0) + ir));
  return costs;
}

/**
 * Runs `exe` under callgrind, collecting only while `functionName` (at `address`)
 * is active, and returns the instructions collected. A count of 0 means the toggle
 * never matched: that is an error, not a result. The file (kept in outDir) has
 * per-instruction costs.
 */
export async function countInstructions(exe: string, functionName: string, address: number, outDir: string): Promise<{ total: number; outFile: string }> {
  const outFile = path.join(outDir, `${path.basename(exe)}.callgrind`);
  const args = [
    "--tool=callgrind",
    "--dump-instr=yes",
    `--callgrind-out-file=${outFile}`,
    `--toggle-collect=${functionName}`,
    `--toggle-collect=0x${address.toString(16).padStart(8, "0")}`,
    exe,
  ];
  const { status, stderr } = await runQuietly("valgrind", args);
  if (status !== 0) throw new Error(`valgrind ${exe} exited with ${status}:\n${stderr}`);
  const total = parseCallgrindTotal(fs.readFileSync(outFile, "latin1"));
  if (total === 0) throw new Error(`callgrind collected nothing in ${functionName} of ${exe}: the toggle did not match`);
  return { total, outFile };
}

function runQuietly(cmd: string, args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("latin1");
    child.stderr.on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stderr }));
  });
}
