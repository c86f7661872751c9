// The locations of a function's named parameters and locals, for DW_TAG_formal_parameter
// and DW_TAG_variable: a variable kept in a register is described by a location list
// (.debug_loc) covering exactly the instructions before which it holds a live value;
// elsewhere gdb shows it as <optimized out>, never another value that happens to be in
// the register. A spilled variable lives in its stack slot, CFA-relative (DW_OP_fbreg:
// the frame base is the CFA), for the whole function.

import type { Label, Statement } from "../../assembler/statements.js";
import { DWARF_REG, DW_OP_fbreg, DW_OP_reg0 } from "../../elf/debug/dwarf-constants.js";
import { REG32 } from "../x86/machine.js";
import type { ByteWriter } from "./byte-writer.js";
import { espDelta } from "./call-frames.js";
import type { FunctionRange } from "./code-map.js";
import { prologueLength } from "./prologue.js";
import { emittedFunction, variablesLiveBefore, type DebugVariable } from "./variable-homes.js";

export type VariableLocation =
  | { kind: "list"; entries: LocationEntry[] }
  | { kind: "expr"; bytes: number[] }
  | { kind: "none" };

/** Where the value is from `begin` to `end` (.text offsets): a DWARF expression. */
export interface LocationEntry {
  begin: number;
  end: number;
  expr: number[];
}

export interface LocatedVariable extends DebugVariable {
  location: VariableLocation;
}

function sleb(v: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = v & 0x7f;
    v >>= 7;
    const done = (v === 0 && (b & 0x40) === 0) || (v === -1 && (b & 0x40) !== 0);
    out.push(done ? b : b | 0x80);
    if (done) return out;
  }
}

/** The function's variables with their locations (parameters first, in order). */
export function functionVariables(f: FunctionRange, statements: Statement[]): LocatedVariable[] {
  const label = statements.find((s): s is Label => s.kind === "label" && s.name === f.name);
  const info = label ? emittedFunction(label) : undefined;
  if (!info) return [];
  const prologue = prologueLength(f);
  const bodyOffset = 4 + f.instructions.slice(0, prologue).reduce((n, p) => n + (espDelta(p.ins) ?? 0), 0);
  const out: LocatedVariable[] = [];
  for (const [vreg, v] of [...info.variables].flatMap(([r, vs]) => vs.map((x) => [r, x] as const))) {
    const home = info.homes.get(vreg);
    let location: VariableLocation = { kind: "none" };
    if (home?.kind === "slot") {
      // The slot is at esp + 4*(outgoing + slot) in the body, and the CFA at esp + bodyOffset.
      location = { kind: "expr", bytes: [DW_OP_fbreg, ...sleb(4 * (info.outgoingWords + home.slot) - bodyOffset)] };
    } else if (home?.kind === "reg") {
      const ranges: [number, number][] = [];
      for (const p of f.instructions) {
        if (!variablesLiveBefore(p.ins).includes(vreg)) continue;
        const last = ranges[ranges.length - 1];
        if (last && last[1] === p.offset) last[1] = p.offset + p.size;
        else ranges.push([p.offset, p.offset + p.size]);
      }
      const entries: LocationEntry[] = ranges.map(([begin, end]) => ({ begin, end, expr: [DW_OP_reg0 + DWARF_REG[REG32[home.reg]!]!] }));
      // A stack parameter is in its incoming word until it is first loaded (the caller's copy, never written).
      if (v.stackArg !== undefined) {
        const loaded = ranges[0]?.[0] ?? f.end;
        if (loaded > f.start) entries.unshift({ begin: f.start, end: loaded, expr: [DW_OP_fbreg, ...sleb(4 * v.stackArg)] });
      }
      if (entries.length > 0) location = { kind: "list", entries };
    }
    out.push({ ...v, location });
  }
  return out.sort((a, b) => Number(b.param) - Number(a.param));
}

/** Appends a location list to .debug_loc (offsets relative to the unit's base, .text); returns its offset. */
export function writeLocationList(loc: ByteWriter, entries: LocationEntry[]): number {
  const at = loc.length;
  for (const e of entries) loc.u32(e.begin).u32(e.end).u16(e.expr.length).bytes(e.expr);
  loc.u32(0).u32(0);
  return at;
}
