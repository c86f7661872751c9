// The hottest instructions of a measured run, with their disassembly: the hot loops of
// ts386's code and gcc's side by side. Per-instruction counts come from callgrind
// (--dump-instr=yes), the text from objdump -d (Intel syntax).

import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import { parseCallgrindInstructionCosts } from "./callgrind.js";

export interface DisassembledLine {
  address: number;
  /** The enclosing symbol as objdump shows it ("fib", "fib.L1"). */
  symbol: string;
  text: string;
}

/** Parses `objdump -d --no-show-raw-insn` output into instruction lines. */
export function parseDisassembly(text: string): Map<number, DisassembledLine> {
  const lines = new Map<number, DisassembledLine>();
  let symbol = "";
  for (const line of text.split("\n")) {
    const label = /^[0-9a-f]+ <(.+)>:$/.exec(line);
    if (label) {
      symbol = label[1]!;
      continue;
    }
    const m = /^\s*([0-9a-f]+):\s+(.+)$/.exec(line);
    if (m) lines.set(parseInt(m[1]!, 16), { address: parseInt(m[1]!, 16), symbol, text: m[2]!.replace(/\s+/g, " ").trim() });
  }
  return lines;
}

/**
 * The `count` hottest instructions (by executed count), listed in address order under
 * their symbol: "  1,182,081  0804824d  shr esi,cl".
 */
export function hotInstructions(callgrindFile: string, exe: string, count: number): string {
  const costs = parseCallgrindInstructionCosts(fs.readFileSync(callgrindFile, "latin1"));
  const disassembly = parseDisassembly(
    execFileSync("i686-linux-gnu-objdump", ["-d", "--no-show-raw-insn", "-M", "intel", exe], { encoding: "latin1", maxBuffer: 1 << 28 }),
  );
  const hottest = [...costs].sort((a, b) => b[1] - a[1]).slice(0, count).sort((a, b) => a[0] - b[0]);
  const out: string[] = [];
  let symbol: string | undefined;
  for (const [address, ir] of hottest) {
    const line = disassembly.get(address);
    if (line && line.symbol !== symbol) {
      symbol = line.symbol;
      out.push(`  ${symbol}:`);
    }
    out.push(`  ${ir.toLocaleString("en-US").padStart(12)}  ${address.toString(16).padStart(8, "0")}  ${line?.text ?? "?"}`);
  }
  return out.join("\n");
}
