// Where the named parameters and locals live, for the debug information. The back
// end calls in at three points: spilling (a spilled variable lives in its stack slot
// for the whole function), the last allocation round (a variable's register, and
// before which instructions it holds a live value), and emission (which emitted
// Statements those facts belong to, for compiler/debug/variables.ts).

import type { Instruction, Label } from "../../assembler/statements.js";
import type { IrFunction } from "../ir.js";
import { tempsInUse } from "./aliases.js";
import { covers, type Liveness } from "../x86/liveness.js";
import { FIRST_VREG, isRegCopy, isVirtual, type MFunction, type MInstr, type Reg } from "../x86/machine.js";

export interface DebugVariable {
  name: string;
  /** The TS type name, when the front end gave one. */
  type?: string;
  param: boolean;
  /** A parameter passed on the stack: its incoming word (at CFA + 4*stackArg until it is loaded). */
  stackArg?: number;
}

export type VariableHome = { kind: "reg"; reg: Reg } | { kind: "slot"; slot: number };

/**
 * The IR function's named temps as the virtual registers instruction selection gives
 * them (several names may share one: a local that is an alias of another value).
 */
export function namedVariables(fn: IrFunction): Map<Reg, DebugVariable[]> {
  const out = new Map<Reg, DebugVariable[]>();
  const inUse = fn.debugAliases ? tempsInUse(fn) : undefined;
  for (const [t, name] of [...fn.tempNames].sort((a, b) => a[0] - b[0])) {
    const type = fn.tempTypes?.get(t);
    const k = fn.params.indexOf(t);
    // cdecl passes every argument on the stack; the internal convention the fourth on (x86/abi.ts).
    const stackArg = k < 0 ? undefined : fn.conv === "cdecl" ? k : k >= 3 ? k - 3 : undefined;
    // A name the optimiser dropped in favour of the value it always holds is described there.
    const alias = fn.debugAliases?.get(t);
    const home = alias !== undefined && !inUse!.has(t) ? alias : t;
    const list = out.get(FIRST_VREG + home) ?? [];
    list.push({ name, ...(type !== undefined ? { type } : {}), param: k >= 0, ...(stackArg !== undefined ? { stackArg } : {}) });
    out.set(FIRST_VREG + home, list);
  }
  return out;
}

/** Spilling: a named register's value lives in its slot from now on. */
export function noteSpilledVariables(fn: MFunction, slots: Map<Reg, number>): void {
  if (!fn.variables) return;
  for (const [r, slot] of slots) if (fn.variables.has(r)) (fn.homes ??= new Map()).set(r, { kind: "slot", slot });
}

/** The last allocation round, before registers are replaced: homes, and what is live before each instruction. */
export function recordVariableHomes(fn: MFunction, live: Liveness, assignment: Map<Reg, Reg>): void {
  if (!fn.variables) return;
  const named = [...fn.variables.keys()].filter((r) => live.intervals.has(r));
  for (const r of named) {
    const reg = assignment.get(r);
    if (reg !== undefined) (fn.homes ??= new Map()).set(r, { kind: "reg", reg });
  }
  const physical = (r: Reg): Reg => (isVirtual(r) ? (assignment.get(r) ?? r) : r);
  let at = 0;
  for (const b of fn.blocks) {
    // What a copy between registers that became the same one had live: that copy is
    // deleted later, and its registers still hold the same values at the next instruction.
    let carried: Reg[] = [];
    for (const ins of b.instrs) {
      const here = [...new Set([...carried, ...named.filter((r) => covers(live.intervals.get(r)!, 2 * at))])];
      if (here.length > 0) ins.liveVariables = here;
      const [d, s] = ins.operands;
      carried = isRegCopy(ins) && d?.kind === "reg" && s?.kind === "reg" && physical(d.reg) === physical(s.reg) ? here : [];
      at++;
    }
  }
}

/** What the DWARF writer needs of a function, keyed by its emitted label. */
export interface FunctionVariables {
  variables: Map<Reg, DebugVariable[]>;
  homes: Map<Reg, VariableHome>;
  outgoingWords: number;
}

const functions = new WeakMap<Label, FunctionVariables>();
const liveBefore = new WeakMap<Instruction, Reg[]>();

/** Emission: the function's label statement and its variables. */
export function noteEmittedFunction(label: Label, fn: MFunction): void {
  if (fn.variables) functions.set(label, { variables: fn.variables, homes: fn.homes ?? new Map(), outgoingWords: fn.outgoingWords });
}

/** Emission: the named registers live before this instruction. */
export function noteEmittedInstruction(statement: Instruction, ins: MInstr): void {
  if (ins.liveVariables) liveBefore.set(statement, ins.liveVariables);
}

export function emittedFunction(label: Label): FunctionVariables | undefined {
  return functions.get(label);
}

export function variablesLiveBefore(statement: Instruction): Reg[] {
  return liveBefore.get(statement) ?? [];
}
