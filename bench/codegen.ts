// Generated-code benchmark: each bench/programs/NAME.ts and its C twin NAME.c are built
// (ts386 --target linux; gcc -O2 -m32 -static), run natively (outputs must agree), and
// run under callgrind counting only the instructions executed inside `bench_run` and
// what it calls. Code size: the bytes of bench_run and the program functions it reaches.
//
//   node dist/bench/codegen.js [--only NAME]... [--out DIR] [--profile] [--hot N]
//
// --profile prints, per program, each function's own instructions (callgrind's self
// cost) for both twins: where the difference is. --hot N prints the N most executed
// instructions of each twin with their disassembly: the hot loops side by side.
// --out keeps the executables, objects, listings (ts386 --emit-asm, gcc -S) and
// callgrind files in DIR (default: a temporary directory, removed afterwards).
// Exit status 1 when a build fails or a pair disagrees.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildGcc, buildTs386, checkAgreement, GCC_SCALAR_FLAGS, listPrograms, runNative } from "./build-pair.js";
import { countInstructions, parseCallgrindSelfCosts } from "./callgrind.js";
import { type FunctionExtent, measuredCodeSize } from "./code-size.js";
import { hotInstructions } from "./hot-code.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const PROGRAMS_DIR = path.join(root, "bench/programs");
/** The function both twins export and the counts cover. */
export const MEASURED_FUNCTION = "bench_run";

/** The goals of issue 7 (docs/performance.md). */
export const GOALS = { instructionGeomean: 1.5, instructionWorst: 2.5, sizeGeomean: 1.5 };

export interface Row {
  name: string;
  ts386Instructions: number;
  gccInstructions: number;
  /** gcc -O2 -fno-tree-vectorize: the reference without gcc's word-at-a-time loops. */
  gccScalarInstructions: number;
  ts386Bytes: number;
  gccBytes: number;
  output: string;
  /** The functions the sizes count, "name:bytes". */
  ts386Functions: string[];
  gccFunctions: string[];
  /** Each function's own instructions (self cost), largest first. */
  ts386Profile: [string, number][];
  gccProfile: [string, number][];
  /** The executables and their callgrind files (per-instruction costs). */
  ts386Run: { exe: string; callgrind: string };
  gccRun: { exe: string; callgrind: string };
}

/**
 * Self costs by function name. callgrind names ts386's functions by address
 * ("0x08048218", "0x0804828a'2" for a recursion level): those become symbol names.
 */
function profile(callgrindFile: string, functions: FunctionExtent[]): [string, number][] {
  const byAddress = new Map(functions.map((f) => [f.start, f.name]));
  const merged = new Map<string, number>();
  for (const [raw, cost] of parseCallgrindSelfCosts(fs.readFileSync(callgrindFile, "latin1"))) {
    const base = raw.replace(/'\d+$/, "");
    const name = /^0x[0-9a-f]+$/.test(base) ? (byAddress.get(parseInt(base, 16)) ?? base) : base;
    merged.set(name, (merged.get(name) ?? 0) + cost);
  }
  return [...merged].filter(([, cost]) => cost > 0).sort((a, b) => b[1] - a[1]);
}

/** Builds the pair, checks the outputs agree, counts and sizes both. */
export async function measureProgram(name: string, sourceDir: string, outDir: string): Promise<Row> {
  const ours = await buildTs386(path.join(sourceDir, `${name}.ts`), outDir);
  const theirs = buildGcc(path.join(sourceDir, `${name}.c`), outDir);
  const scalar = buildGcc(path.join(sourceDir, `${name}.c`), outDir, GCC_SCALAR_FLAGS, "gcc-scalar");
  const ourRun = runNative(ours.exe);
  checkAgreement(name, ourRun, runNative(theirs.exe));
  checkAgreement(`${name} (gcc ${GCC_SCALAR_FLAGS.join(" ")})`, ourRun, runNative(scalar.exe));
  const ourSize = measuredCodeSize(ours.exe, ours.object, MEASURED_FUNCTION);
  const theirSize = measuredCodeSize(theirs.exe, theirs.object, MEASURED_FUNCTION);
  const scalarSize = measuredCodeSize(scalar.exe, scalar.object, MEASURED_FUNCTION);
  const [ourCount, theirCount, scalarCount] = await Promise.all([
    countInstructions(ours.exe, MEASURED_FUNCTION, ourSize.rootAddress, outDir),
    countInstructions(theirs.exe, MEASURED_FUNCTION, theirSize.rootAddress, outDir),
    countInstructions(scalar.exe, MEASURED_FUNCTION, scalarSize.rootAddress, outDir),
  ]);
  const list = (fs: { name: string; size: number }[]) => fs.map((f) => `${f.name}:${f.size}`);
  return {
    name,
    ts386Instructions: ourCount.total,
    gccInstructions: theirCount.total,
    gccScalarInstructions: scalarCount.total,
    ts386Bytes: ourSize.bytes,
    gccBytes: theirSize.bytes,
    output: ourRun.stdout.trim(),
    ts386Functions: list(ourSize.functions),
    gccFunctions: list(theirSize.functions),
    ts386Profile: profile(ourCount.outFile, ourSize.functions),
    gccProfile: profile(theirCount.outFile, theirSize.functions),
    ts386Run: { exe: ours.exe, callgrind: ourCount.outFile },
    gccRun: { exe: theirs.exe, callgrind: theirCount.outFile },
  };
}

export function geometricMean(values: number[]): number {
  return Math.exp(values.reduce((sum, v) => sum + Math.log(v), 0) / values.length);
}

const ratio = (a: number, b: number) => a / b;

/** The markdown table: one row per program, then the geometric means. */
export function formatTable(rows: Row[]): string {
  const lines = [
    "| program | ts386 instructions | gcc -O2 instructions | ratio | ratio to gcc -O2 -fno-tree-vectorize | ts386 bytes | gcc bytes | size ratio |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  const count = (n: number) => n.toLocaleString("en-US");
  for (const r of rows) {
    lines.push(
      `| ${r.name} | ${count(r.ts386Instructions)} | ${count(r.gccInstructions)} | ${ratio(r.ts386Instructions, r.gccInstructions).toFixed(2)} | ` +
        `${ratio(r.ts386Instructions, r.gccScalarInstructions).toFixed(2)} | ${r.ts386Bytes} | ${r.gccBytes} | ${ratio(r.ts386Bytes, r.gccBytes).toFixed(2)} |`,
    );
  }
  const mean = (f: (r: Row) => number) => geometricMean(rows.map(f)).toFixed(2);
  lines.push(
    `| **geometric mean** | | | **${mean((r) => ratio(r.ts386Instructions, r.gccInstructions))}** | ` +
      `**${mean((r) => ratio(r.ts386Instructions, r.gccScalarInstructions))}** | | | **${mean((r) => ratio(r.ts386Bytes, r.gccBytes))}** |`,
  );
  return lines.join("\n");
}

/** One line per goal: met or not. */
export function goalVerdicts(rows: Row[]): string[] {
  const ratios = rows.map((r) => ratio(r.ts386Instructions, r.gccInstructions));
  const worst = rows[ratios.indexOf(Math.max(...ratios))]!;
  const instructionMean = geometricMean(ratios);
  const sizeMean = geometricMean(rows.map((r) => ratio(r.ts386Bytes, r.gccBytes)));
  const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
  return [
    `instruction ratio geomean ${instructionMean.toFixed(2)} <= ${GOALS.instructionGeomean}: ${verdict(instructionMean <= GOALS.instructionGeomean)}`,
    `worst program ${worst.name} ${Math.max(...ratios).toFixed(2)} <= ${GOALS.instructionWorst}: ${verdict(Math.max(...ratios) <= GOALS.instructionWorst)}`,
    `code size geomean ${sizeMean.toFixed(2)} <= ${GOALS.sizeGeomean}: ${verdict(sizeMean <= GOALS.sizeGeomean)}`,
  ];
}

/** "  ts386: f 123, g 45 | gcc: f 100": each function's own instructions. */
export function formatProfile(row: Row): string {
  const show = (p: [string, number][]) => p.map(([f, n]) => `${f} ${n.toLocaleString("en-US")}`).join(", ");
  return `${row.name}\n  ts386: ${show(row.ts386Profile)}\n  gcc:   ${show(row.gccProfile)}`;
}

function parseArgs(argv: string[]): { only: string[]; out: string | undefined; profile: boolean; hot: number } {
  const only: string[] = [];
  let out: string | undefined;
  let profile = false;
  let hot = 0;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--profile") {
      profile = true;
      continue;
    }
    const value = argv[i + 1];
    if (["--only", "--out", "--hot"].includes(argv[i]!) && value === undefined) throw new Error(`${argv[i]} needs a value`);
    if (argv[i] === "--only") only.push(...value!.split(","));
    else if (argv[i] === "--out") out = value;
    else if (argv[i] === "--hot" && /^\d+$/.test(value!)) hot = Number(value);
    else throw new Error(`bad argument '${argv[i]}' (usage: codegen.js [--only NAME]... [--out DIR] [--profile] [--hot N])`);
    i++;
  }
  return { only, out, profile, hot };
}

async function main(): Promise<number> {
  const { only, out, profile: showProfile, hot } = parseArgs(process.argv.slice(2));
  const all = listPrograms(PROGRAMS_DIR);
  const unknown = only.filter((n) => !all.includes(n));
  if (unknown.length > 0) throw new Error(`no such program: ${unknown.join(", ")} (have: ${all.join(", ")})`);
  const names = only.length > 0 ? only : all;
  const outDir = out ?? fs.mkdtempSync(path.join(os.tmpdir(), "ts386-bench-codegen-"));
  fs.mkdirSync(outDir, { recursive: true });
  try {
    const rows: Row[] = [];
    for (const name of names) {
      const row = await measureProgram(name, PROGRAMS_DIR, outDir);
      console.error(
        `${name}: both print "${row.output}"; ts386/gcc ${ratio(row.ts386Instructions, row.gccInstructions).toFixed(2)}; ` +
          `code: ts386 ${row.ts386Functions.join(" ")} | gcc ${row.gccFunctions.join(" ")}`,
      );
      rows.push(row);
    }
    console.log(formatTable(rows));
    console.log();
    for (const line of goalVerdicts(rows)) console.log(line);
    if (showProfile) {
      console.log("\nInstructions executed in each function itself (callgrind self cost):");
      for (const row of rows) console.log(formatProfile(row));
    }
    if (hot > 0) {
      for (const row of rows) {
        console.log(`\n${row.name}: the ${hot} most executed instructions\nts386:`);
        console.log(hotInstructions(row.ts386Run.callgrind, row.ts386Run.exe, hot));
        console.log("gcc -O2:");
        console.log(hotInstructions(row.gccRun.callgrind, row.gccRun.exe, hot));
      }
    }
    return 0;
  } finally {
    if (out === undefined) fs.rmSync(outDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (status) => process.exit(status),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
