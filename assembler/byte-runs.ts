// Instructions whose bytes can never change (no symbol, no `$`, not a branch to a
// label) are encoded once, as statements arrive, and consecutive ones are merged
// into one run of bytes. The relaxation passes then step over a run in one go, and
// the instruction objects die young instead of living (and being copied by the
// garbage collector) through every pass.

import type { SourceLocation } from "../common/diagnostics.js";
import { ByteBuffer } from "../common/byte-buffer.js";
import type { Expr, Instruction, Operand, Statement } from "./statements.js";
import { evaluate, isConstantExpr, type EvalContext } from "./expressions.js";
import { encodeInstruction, type EncodeContext } from "./encoder.js";

/** `length` bytes at `start` of the shared pool: the code of consecutive constant instructions. */
export interface ByteRun {
  kind: "bytes";
  start: number;
  length: number;
  /** The first instruction's location (errors about where code may go name it). */
  loc: SourceLocation | undefined;
}

/** What the assembler walks: statements, with constant instructions folded into runs. */
export type AsmStatement = Statement | ByteRun;

/** Thrown by the constant encoder on anything it does not settle: the instruction then stays as it is. */
const NOT_SETTLED = new Error("not settled");

const constantEval: EvalContext = {
  symbol: () => {
    throw NOT_SETTLED;
  },
  here: () => {
    throw NOT_SETTLED;
  },
  sectionStart: () => {
    throw NOT_SETTLED;
  },
  error: () => {
    throw NOT_SETTLED;
  },
};

const constantEncode: EncodeContext = {
  section: 0,
  offset: 0,
  checkRanges: true,
  eval: (e: Expr) => evaluate(e, constantEval),
  fail: () => {
    throw NOT_SETTLED;
  },
};

export class RunBuilder {
  readonly statements: AsmStatement[] = [];
  readonly pool = new ByteBuffer();
  private run: ByteRun | undefined;
  /** Statements pushed so far; the last one, and its bytes if it was a settled instruction. */
  pushed = 0;
  last: Statement | undefined;
  lastSettled: number[] | undefined;

  /**
   * Appends a statement; returns false when it is not the first instruction of a run
   * (its location is then never reported and need not be remembered).
   */
  push(st: Statement): boolean {
    this.pushed++;
    this.last = st;
    this.lastSettled = undefined;
    if (st.kind === "instruction" && isSettled(st)) {
      const bytes = encodeSettled(st);
      if (bytes) {
        this.lastSettled = bytes;
        return this.pushBytes(bytes, st.loc);
      }
    }
    this.run = undefined;
    this.statements.push(st);
    return true;
  }

  /** Appends the bytes of a settled instruction at `loc`; returns whether they start a run (see push). */
  pushBytes(bytes: ArrayLike<number>, loc: SourceLocation | undefined): boolean {
    if (this.extendRun(bytes)) return false;
    this.pool.push(bytes);
    this.run = { kind: "bytes", start: this.pool.length - bytes.length, length: bytes.length, loc };
    this.statements.push(this.run);
    return true;
  }

  /** Appends the bytes of a settled instruction to the current run; false when there is none (then nothing is added). */
  extendRun(bytes: ArrayLike<number>): boolean {
    if (!this.run) return false;
    this.pool.push(bytes);
    this.run.length += bytes.length;
    return true;
  }
}

/** No symbol or `$` in any operand, and not a branch to a target (whose form depends on where it lands). */
function isSettled(ins: Instruction): boolean {
  const ops = ins.operands;
  for (let i = 0; i < ops.length; i++) if (!isConstantOperand(ops[i]!)) return false;
  const m = ins.mnemonic;
  const branch = m === "jmp" || m === "call" || m.charCodeAt(0) === 106 /* j */ || m.startsWith("loop");
  return !(branch && ops.length > 0 && ops[0]!.kind === "imm");
}

/** The instruction's bytes, or undefined when encoding it fails (the assembler reports that in its turn). */
function encodeSettled(ins: Instruction): number[] | undefined {
  try {
    const enc = encodeInstruction(ins, constantEncode);
    return enc.relocs.length === 0 ? enc.bytes : undefined;
  } catch {
    // NOT_SETTLED, or an error the assembler will report at this line in its turn.
    return undefined;
  }
}

export function isConstantOperand(o: Operand): boolean {
  switch (o.kind) {
    case "reg":
      return true;
    case "imm":
      return isConstantExpr(o.expr);
    case "mem":
      return o.disp === undefined || isConstantExpr(o.disp);
    case "far":
      return isConstantExpr(o.segment) && isConstantExpr(o.offset);
  }
}
