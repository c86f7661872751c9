// Code size of a measured function and the program functions it reaches, read from an
// executable's symbol table (binutils nm) and its disassembly (objdump), the same way
// for ts386's executables and gcc's.
//
// Function symbols carry their size (gcc's, and ts386's since it declares them
// `global/static f:function (size)`); ts386's block labels are symbols too ("fib.L1", jump
// tables "f.jt0", the last function's "f.end"). A symbol without a size runs to the next
// function symbol (or the end of .text).
// Reached = called, jumped to (tail calls) or referenced as an address (function
// values) from a reached function. Only functions defined by the program's own object
// count: the ts386 runtime (`__ts386_bounds_fail`, `memset` …) and libc do not.

import { execFileSync } from "node:child_process";

export interface Symbol {
  name: string;
  address: number;
  /** From the symbol table; 0 when it has none. */
  size: number;
  /** nm's letter: T/t text, D/d data, … */
  kind: string;
}

export interface FunctionExtent {
  name: string;
  start: number;
  size: number;
}

const NM = "i686-linux-gnu-nm";
const OBJDUMP = "i686-linux-gnu-objdump";

/** Parses `nm -S --defined-only` lines: "ADDRESS [SIZE] KIND NAME". */
export function parseNm(text: string): Symbol[] {
  const symbols: Symbol[] = [];
  for (const line of text.split("\n")) {
    const m = /^([0-9a-f]+)(?: ([0-9a-f]+))? (\w) (\S+)$/.exec(line.trim());
    if (m) symbols.push({ address: parseInt(m[1]!, 16), size: m[2] ? parseInt(m[2], 16) : 0, kind: m[3]!, name: m[4]! });
  }
  return symbols;
}

/** A ts386 block label, jump table or end label: "F.L3" / "F.jt0" / "F.end" where F is itself a symbol. */
function isLocalLabel(name: string, names: Set<string>): boolean {
  const m = /^(.+)\.(?:L\d+|jt\d+|end)$/.exec(name);
  return m !== null && names.has(m[1]!);
}

/** The text symbols of a file that start functions (not ts386 block labels). */
export function functionSymbols(symbols: Symbol[]): Symbol[] {
  const names = new Set(symbols.map((s) => s.name));
  return symbols.filter((s) => (s.kind === "T" || s.kind === "t") && !isLocalLabel(s.name, names));
}

/** Functions with their extents: the symbol's size, else up to the next function or textEnd. */
export function functionExtents(symbols: Symbol[], textEnd: number): FunctionExtent[] {
  const functions = functionSymbols(symbols).sort((a, b) => a.address - b.address);
  return functions.map((f, i) => {
    const next = functions.slice(i + 1).find((g) => g.address > f.address);
    const size = f.size > 0 ? f.size : (next ? next.address : textEnd) - f.address;
    return { name: f.name, start: f.address, size };
  });
}

/** For each function, the functions its instructions call, jump to or take the address of. */
export function references(disassembly: string, functions: FunctionExtent[]): Map<string, Set<string>> {
  const byStart = new Map(functions.map((f) => [f.start, f.name]));
  const sorted = [...functions].sort((a, b) => a.start - b.start);
  const owner = (address: number): string | undefined => {
    let low = 0;
    let high = sorted.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const f = sorted[middle]!;
      if (address < f.start) high = middle - 1;
      else if (address >= f.start + f.size) low = middle + 1;
      else return f.name;
    }
    return undefined;
  };
  const edges = new Map<string, Set<string>>(functions.map((f) => [f.name, new Set<string>()]));
  for (const line of disassembly.split("\n")) {
    const m = /^\s*([0-9a-f]+):\s+(.*)$/.exec(line);
    if (!m) continue;
    const from = owner(parseInt(m[1]!, 16));
    if (from === undefined) continue;
    const operands = m[2]!.replace(/^\S+\s*/, "");
    for (const token of operands.match(/(?:\$0x)?\b[0-9a-f]{6,8}\b/g) ?? []) {
      const target = byStart.get(parseInt(token.replace("$0x", ""), 16));
      if (target !== undefined && target !== from) edges.get(from)!.add(target);
    }
  }
  return edges;
}

/** The functions reachable from root (root included), restricted to `within`. */
export function reachable(root: string, edges: Map<string, Set<string>>, within: Set<string>): string[] {
  const seen = new Set<string>([root]);
  const work = [root];
  while (work.length > 0) {
    for (const next of edges.get(work.pop()!) ?? []) {
      if (!seen.has(next) && within.has(next)) {
        seen.add(next);
        work.push(next);
      }
    }
  }
  return [...seen].sort();
}

/** The .text section's end address, from `objdump -h`. */
export function textEnd(headers: string): number {
  const m = /^\s*\d+\s+\.text\s+([0-9a-f]+)\s+([0-9a-f]+)/m.exec(headers);
  if (!m) throw new Error("no .text section in objdump -h output");
  return parseInt(m[2]!, 16) + parseInt(m[1]!, 16);
}

export interface CodeSize {
  bytes: number;
  functions: FunctionExtent[];
  /** The root function's address (for callgrind's toggle). */
  rootAddress: number;
}

/**
 * The bytes of code of `root` in executable `exe` and of the functions it reaches that
 * the program's object `object` defines.
 */
export function measuredCodeSize(exe: string, object: string, root: string): CodeSize {
  const tool = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: "latin1", maxBuffer: 1 << 28 });
  const symbols = parseNm(tool(NM, ["-S", "--defined-only", exe]));
  const functions = functionExtents(symbols, textEnd(tool(OBJDUMP, ["-h", exe])));
  const ownNames = new Set(functionSymbols(parseNm(tool(NM, ["--defined-only", object]))).map((s) => s.name));
  const rootFunction = functions.find((f) => f.name === root);
  if (!rootFunction) throw new Error(`${exe} has no function '${root}'`);
  const edges = references(tool(OBJDUMP, ["-d", "--no-show-raw-insn", exe]), functions);
  const names = new Set(reachable(root, edges, ownNames));
  const measured = functions.filter((f) => names.has(f.name));
  return { bytes: measured.reduce((sum, f) => sum + f.size, 0), functions: measured, rootAddress: rootFunction.start };
}
