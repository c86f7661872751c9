// Assembler speed: generates a 100,000-line NASM file shaped like compiler output
// (functions with prologues, loads and stores through every addressing form,
// arithmetic, compares and branches that need relaxation, calls to externs, data)
// and times `ts386 asm` against `nasm -f elf32` on the same file.
//
//   node dist/bench/asm-speed.js [lines]
//
// Two files: "straight" (jumps settle at once) and "branchy" (forward jumps near
// the short/near boundary: nasm and ts386 both need ~120 relaxation passes).
// Reports the best of several runs for each: in-process (assembleText + ELF
// writer), the ts386 command as a process (includes Node start-up), and nasm
// (the command and nasm alternate, so that both see the same load).
// A ratio below 1 means ts386 is faster.

import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { assembleText } from "../assembler/index.js";
import { writeObject } from "../elf/write-object.js";
import { readObject } from "../elf/read-object.js";
import { COMMAND_ENV, TS386_BIN } from "./command.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** A deterministic pseudo-random sequence (so every run assembles the same file). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * `branchy`: forward jumps to the end of each function, many of them near the
 * short/near boundary, so relaxation needs ~120 passes (in nasm as in ts386).
 * Otherwise jumps go back to the function's entry (known when met): 2-3 passes.
 */
export function generate(lineCount: number, branchy = true): string {
  const rnd = lcg(386);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const regs = ["eax", "ecx", "edx", "ebx", "esi", "edi"];
  const lines = ["BITS 32", "extern print, memcpy", "section .text"];
  let fn = 0;
  while (lines.length < lineCount - 20) {
    const name = `fn${fn++}`;
    lines.push(`global ${name}`, `${name}:`, "    push ebp", "    mov ebp, esp", `    sub esp, ${4 * Math.floor(1 + rnd() * 40)}`);
    const body = 20 + Math.floor(rnd() * 60);
    for (let i = 0; i < body; i++) {
      const r = pick(regs);
      const r2 = pick(regs);
      switch (Math.floor(rnd() * 14)) {
        case 0: lines.push(`    mov ${r}, [ebp+${8 + 4 * Math.floor(rnd() * 4)}]`); break;
        case 1: lines.push(`    mov [ebp-${4 + 4 * Math.floor(rnd() * 40)}], ${r}`); break;
        case 2: lines.push(`    add ${r}, ${r2}`); break;
        case 3: lines.push(`    sub ${r}, ${Math.floor(rnd() * 1000)}`); break;
        case 4: lines.push(`    imul ${r}, ${r2}, ${Math.floor(rnd() * 300)}`); break;
        case 5: lines.push(`    cmp ${r}, ${r2}`, `    ${pick(["je", "jne", "jl", "jg", "jb", "jae"])} ${branchy ? `.L${Math.floor(rnd() * 8)}` : name}`); break;
        case 6: lines.push(`.L${i % 8}_${i}:`, `    jmp ${branchy ? `.L${(i + 3) % 8}` : `.L${i % 8}_${i}`}`); break;
        case 7: lines.push(`    movzx ${r}, byte [${r2}+${r}*4+table]`); break;
        case 8: lines.push(`    lea ${r}, [${r2}+${r}*2+${Math.floor(rnd() * 200)}]`); break;
        case 9: lines.push(`    push ${r}`, "    call print", "    add esp, 4"); break;
        case 10: lines.push(`    shl ${r}, ${1 + Math.floor(rnd() * 31)}`); break;
        case 11: lines.push(`    mov dword [counter], ${Math.floor(rnd() * 100000)}`); break;
        case 12: lines.push("    cdq", `    idiv ${r2 === "edx" ? "ecx" : r2}`); break;
        default: lines.push(`    test ${r}, ${r2}`, `    set${pick(["e", "ne", "l", "ge"])} al`); break;
      }
    }
    for (let k = 0; k < 8; k++) lines.push(`.L${k}:`, "    nop");
    lines.push("    leave", "    ret");
  }
  lines.push("section .data", "counter: dd 0", "table: times 256 db 0", "section .bss", "buffer: resb 4096");
  return lines.join("\n") + "\n";
}

function best(runs: number, f: () => void): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    f();
    min = Math.min(min, Number(process.hrtime.bigint() - t) / 1e6);
  }
  return min;
}

interface Timing {
  lines: number;
  inProcess: number;
  cli: number;
  nasm?: number;
  identical?: boolean;
}

function measure(dir: string, name: string, text: string, nasmFound: boolean): Timing {
  const src = path.join(dir, name);
  fs.writeFileSync(src, text);
  // Warm up the JIT once, then measure.
  assembleText(text, name);
  const inProcess = best(5, () => {
    fs.writeFileSync(path.join(dir, "ours.o"), writeObject(assembleText(fs.readFileSync(src, "latin1"), name)));
  });
  const runCli = () => {
    const r = spawnSync(TS386_BIN, ["asm", name, "-o", "cli.o"], { cwd: dir, encoding: "utf8", env: COMMAND_ENV });
    if (r.status !== 0) throw new Error(`ts386 asm failed: ${r.stderr}`);
  };
  const runNasm = () => {
    const r = spawnSync("nasm", ["-f", "elf32", name, "-o", "nasm.o"], { cwd: dir, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`nasm failed: ${r.stderr}`);
  };
  // The command and nasm run in turn, so that both see the same machine load
  // (it changes from second to second on a shared machine); the best of each counts.
  let cli = Infinity;
  let nasm = Infinity;
  const rounds = name.startsWith("branchy") ? 3 : 5;
  for (let i = 0; i < rounds; i++) {
    cli = Math.min(cli, best(1, runCli));
    // nasm needs ~120 passes on the branchy file (seconds): once is enough.
    if (nasmFound && (i === 0 || !name.startsWith("branchy"))) nasm = Math.min(nasm, best(1, runNasm));
  }
  const t: Timing = { lines: text.split("\n").length - 1, inProcess, cli };
  if (!nasmFound) return t;
  t.nasm = nasm;
  const theirs = readObject(fs.readFileSync(path.join(dir, "nasm.o")), "nasm");
  const mine = readObject(fs.readFileSync(path.join(dir, "cli.o")), "ours");
  t.identical = theirs.sections.length === mine.sections.length &&
    theirs.sections.every((s, i) => s.name === mine.sections[i]!.name && Buffer.compare(Buffer.from(s.data), Buffer.from(mine.sections[i]!.data)) === 0);
  return t;
}

/** The command's cost that does not grow with the file (Node start-up, loading, exit): both tools on a 200-line file. */
function fixedCost(dir: string, nasmFound: boolean): { cli: number; nasm?: number } {
  fs.writeFileSync(path.join(dir, "small.asm"), generate(200, false));
  let cli = Infinity;
  let nasm = Infinity;
  for (let i = 0; i < 5; i++) {
    cli = Math.min(cli, best(1, () => spawnSync(TS386_BIN, ["asm", "small.asm", "-o", "small.o"], { cwd: dir, env: COMMAND_ENV })));
    if (nasmFound) nasm = Math.min(nasm, best(1, () => spawnSync("nasm", ["-f", "elf32", "small.asm", "-o", "small-nasm.o"], { cwd: dir })));
  }
  return nasmFound ? { cli, nasm } : { cli };
}

function main(): void {
  const lineCount = Number(process.argv[2] ?? 100_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ts386-asm-bench-"));
  const nasmFound = spawnSync("nasm", ["-v"]).status === 0;
  if (!nasmFound) console.log("nasm not installed (apt-get install nasm): no ratios");
  const node = spawnSync("node", ["--version"], { env: COMMAND_ENV, encoding: "utf8" }).stdout.trim();
  const fixed = fixedCost(dir, nasmFound);
  console.log(`the command runs on Node ${node}; on a 200-line file it takes ${fixed.cli.toFixed(0)} ms` +
    (fixed.nasm === undefined ? "" : ` and nasm ${fixed.nasm.toFixed(0)} ms`) + " (start-up, loading and exit, whatever the file)");
  for (const [name, branchy, what] of [
    ["straight.asm", false, "jumps settle in 2-3 passes"],
    ["branchy.asm", true, "forward jumps at the short/near boundary: ~120 passes in nasm and ts386"],
  ] as const) {
    const t = measure(dir, name, generate(lineCount, branchy), nasmFound);
    console.log(`${name}: ${t.lines} lines, ${what}`);
    console.log(`  ts386 in-process : ${t.inProcess.toFixed(0)} ms`);
    console.log(`  ts386 asm command: ${t.cli.toFixed(0)} ms (with Node start-up)`);
    if (t.nasm === undefined) continue;
    console.log(`  nasm -f elf32    : ${t.nasm.toFixed(0)} ms`);
    console.log(`  ratio ts386/nasm : ${(t.inProcess / t.nasm).toFixed(2)} in-process, ${(t.cli / t.nasm).toFixed(2)} as a command (below 1 = faster)`);
    console.log(`  section bytes identical to nasm's: ${t.identical ? "yes" : "NO"}`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
