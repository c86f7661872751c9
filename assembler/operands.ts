// Operands as the encoder sees them: registers looked up, expressions evaluated,
// effective addresses normalised the way NASM normalises them
// ([eax*2] -> [eax+eax], [ebx*5] -> [ebx+ebx*4], [eax+esp] -> [esp+eax]).

import type { Operand, OperandSize, SegReg } from "./statements.js";
import type { Value } from "./expressions.js";
import { allRegisters, registerInfo, REG_ESP, type RegInfo } from "./registers.js";

export type ResolvedOperand =
  | { k: "reg"; r: RegInfo }
  | { k: "imm"; v: Value; size?: OperandSize; short: boolean; near: boolean; strict: boolean }
  | { k: "mem"; size?: OperandSize; seg?: SegReg; base?: RegInfo; index?: RegInfo; scale: number; disp: Value | null }
  | { k: "far"; seg: Value; off: Value };

export const SEGMENT_PREFIX: Record<SegReg, number> = { es: 0x26, cs: 0x2e, ss: 0x36, ds: 0x3e, fs: 0x64, gs: 0x65 };

/** A register operand resolves to the same value every time: one shared object per register. */
const REGISTER_OPERANDS = new Map<string, ResolvedOperand>(
  allRegisters().map((r) => [r.name, Object.freeze({ k: "reg", r }) as ResolvedOperand]),
);

export interface ResolveHooks {
  eval(e: import("./statements.js").Expr): Value;
  fail(message: string): never;
}

function gpr32(name: string, hooks: ResolveHooks): RegInfo {
  const r = registerInfo(name);
  if (!r || r.cls !== "gpr" || r.size !== 32) hooks.fail(`'${name}' cannot be used in an address (only 32-bit registers can)`);
  return r;
}

export function resolveOperand(op: Operand, hooks: ResolveHooks): ResolvedOperand {
  switch (op.kind) {
    case "reg": {
      const resolved = REGISTER_OPERANDS.get(op.reg);
      if (!resolved) hooks.fail(`unknown register '${op.reg}'`);
      return resolved;
    }
    case "imm":
      return {
        k: "imm", v: hooks.eval(op.expr), size: op.size, short: op.short === true, near: op.near === true,
        strict: op.strict === true,
      };
    case "far":
      return { k: "far", seg: hooks.eval(op.segment), off: hooks.eval(op.offset) };
    case "mem": {
      let base = op.base ? gpr32(op.base, hooks) : undefined;
      let index = op.index ? gpr32(op.index, hooks) : undefined;
      let scale: number = index ? (op.scale ?? 1) : 1;
      if (index && !base && (scale === 1 || scale === 2 || scale === 3 || scale === 5 || scale === 9)) {
        // NASM splits [r*2] into [r+r] and [r*9] into [r+r*8]: shorter than a disp32.
        base = index;
        if (scale === 1) index = undefined;
        else scale -= 1;
      }
      if (scale !== 1 && scale !== 2 && scale !== 4 && scale !== 8) hooks.fail(`invalid scale ${scale} in address (1, 2, 4 or 8)`);
      if (index && index.num === REG_ESP) {
        if (scale !== 1 || !base || base.num === REG_ESP) hooks.fail("esp cannot be an index register");
        [base, index] = [index, base];
      }
      const disp = op.disp ? hooks.eval(op.disp) : null;
      return { k: "mem", size: op.size, seg: op.segment, base, index, scale, disp };
    }
  }
}
