// The machine-level representation between instruction selection and emission:
// x86 instructions whose register operands are numbers. 0..7 are the physical
// registers in encoding order (eax ecx edx ebx esp ebp esi edi); 8 and up are
// virtual registers, which the register allocator replaces by physical ones.
// Frame references (spill slots, incoming and outgoing argument words) stay
// symbolic until the frame is laid out.

import type { BlockId, SourcePos } from "../ir.js";
import type { DebugVariable, VariableHome } from "../debug/variable-homes.js";

export type Reg = number;

export const EAX = 0, ECX = 1, EDX = 2, EBX = 3, ESP = 4, EBP = 5, ESI = 6, EDI = 7;
export const FIRST_VREG = 8;

export const REG32 = ["eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi"] as const;
export const REG16 = ["ax", "cx", "dx", "bx", "sp", "bp", "si", "di"] as const;
export const REG8 = ["al", "cl", "dl", "bl"] as const; // only these four have a low byte

/** Registers the allocator hands out (esp is the stack pointer; ebp is free: frames are esp-relative). */
export const ALLOCATABLE: readonly Reg[] = [EAX, ECX, EDX, EBX, ESI, EDI, EBP];
/** Registers whose low byte can be named (setcc, byte stores, movzx from a byte). */
export const BYTE_REGS: readonly Reg[] = [EAX, ECX, EDX, EBX];
export const CALLER_SAVED: readonly Reg[] = [EAX, ECX, EDX];
export const CALLEE_SAVED: readonly Reg[] = [EBX, ESI, EDI, EBP];

export const isVirtual = (r: Reg): boolean => r >= FIRST_VREG;

/** s/ns (sign) only come from the peephole, replacing l/ge after `test r, r`. */
export type CondCode = "e" | "ne" | "l" | "le" | "g" | "ge" | "b" | "be" | "a" | "ae" | "s" | "ns";

export type FrameArea = "spill" | "incoming" | "outgoing";

export type Size = 8 | 16 | 32;

export type MOperand =
  | { kind: "reg"; reg: Reg; size: Size }
  /** A constant, or the address of `sym` + value. */
  | { kind: "imm"; value: number; sym?: string }
  /**
   * [base + index*scale + sym + disp], or a word of the frame (base esp, displacement
   * known after frame layout) when `frame` is set.
   */
  | {
      kind: "mem";
      size?: Size;
      base?: Reg;
      index?: Reg;
      scale: 1 | 2 | 4 | 8;
      disp: number;
      sym?: string;
      frame?: { area: FrameArea; index: number };
    }
  | { kind: "block"; block: BlockId } // a jump target inside the function
  | { kind: "symbol"; name: string } // a direct call target
  | { kind: "ctrl"; reg: "cr0" | "cr2" | "cr3" | "cr4" };

export interface MInstr {
  /** x86 mnemonic (lower case), or a pseudo: "entry" (defines the incoming argument registers). */
  op: string;
  operands: MOperand[];
  /** Condition of jcc / setcc (op "j" / "set"). */
  cond?: CondCode;
  /** Registers read or written beyond the operands (cdq, idiv, call clobbers, ret's eax). */
  implicitUses?: Reg[];
  implicitDefs?: Reg[];
  pos?: SourcePos;
  /** Named virtual registers (locals, parameters) live before this instruction: debug info (compiler/debug). */
  liveVariables?: Reg[];
}

export interface MBlock {
  id: BlockId;
  instrs: MInstr[];
  /** Successor blocks, in the order the terminator names them. */
  succs: BlockId[];
}

export interface JumpTable {
  label: string;
  targets: BlockId[];
}

export interface MFunction {
  name: string;
  exported: boolean;
  blocks: MBlock[];
  /** Next free virtual register number. */
  nextVreg: Reg;
  /** Virtual registers restricted to the byte-addressable registers. */
  byteClass: Set<Reg>;
  /** Virtual registers the allocator must not spill (spill reloads themselves). */
  unspillable: Set<Reg>;
  /** Words of outgoing arguments the largest call needs. */
  outgoingWords: number;
  /** Spill slots in use. */
  spillSlots: number;
  jumpTables: JumpTable[];
  returnsValue: boolean;
  pos?: SourcePos;
  /** Debug info (compiler/debug/variable-homes.ts): the named virtual registers and where each ended up. */
  variables?: Map<Reg, DebugVariable[]>;
  homes?: Map<Reg, VariableHome>;
}

export const reg = (r: Reg, size: Size = 32): MOperand => ({ kind: "reg", reg: r, size });
export const imm = (value: number): MOperand => ({ kind: "imm", value: value | 0 });
export const frameWord = (area: FrameArea, index: number, size: Size = 32): MOperand => ({
  kind: "mem",
  size,
  scale: 1,
  disp: 0,
  frame: { area, index },
});

export const NEGATE: Record<CondCode, CondCode> = {
  e: "ne", ne: "e", l: "ge", ge: "l", le: "g", g: "le", b: "ae", ae: "b", be: "a", a: "be", s: "ns", ns: "s",
};
/** The condition that holds when the operands are swapped (a < b  <=>  b > a). */
export const SWAP: Record<CondCode, CondCode> = {
  e: "e", ne: "ne", l: "g", g: "l", le: "ge", ge: "le", b: "a", a: "b", be: "ae", ae: "be", s: "s", ns: "ns", // (s/ns: no compare)
};

// How an instruction treats its first operand when that operand is a register.
const DEFINES_FIRST = new Set(["mov", "movzx", "movsx", "lea", "set", "pop", "in"]);
const READS_AND_WRITES_FIRST = new Set(["add", "sub", "and", "or", "xor", "imul", "shl", "shr", "sar", "neg", "not", "adc", "sbb"]);

export interface Effects {
  defs: Reg[];
  uses: Reg[];
}

/** The registers an instruction reads and writes (operands, addresses and implicit ones). */
export function effects(ins: MInstr): Effects {
  const defs: Reg[] = [];
  const uses: Reg[] = [];
  ins.operands.forEach((o, i) => {
    if (o.kind === "mem") {
      if (o.base !== undefined) uses.push(o.base);
      if (o.index !== undefined) uses.push(o.index);
    } else if (o.kind === "reg") {
      if (i === 0 && (DEFINES_FIRST.has(ins.op) || (ins.op === "imul" && ins.operands.length === 3))) defs.push(o.reg);
      else if (i === 0 && READS_AND_WRITES_FIRST.has(ins.op)) {
        defs.push(o.reg);
        uses.push(o.reg);
      } else uses.push(o.reg);
    }
  });
  if (ins.implicitUses) uses.push(...ins.implicitUses);
  if (ins.implicitDefs) defs.push(...ins.implicitDefs);
  return { defs, uses };
}

/** Replaces registers in place through `map` (used by spilling and by allocation). */
export function mapRegs(ins: MInstr, map: (r: Reg) => Reg): void {
  for (const o of ins.operands) {
    if (o.kind === "reg") o.reg = map(o.reg);
    else if (o.kind === "mem") {
      if (o.base !== undefined) o.base = map(o.base);
      if (o.index !== undefined) o.index = map(o.index);
    }
  }
  if (ins.implicitUses) ins.implicitUses = ins.implicitUses.map(map);
  if (ins.implicitDefs) ins.implicitDefs = ins.implicitDefs.map(map);
}

/** A plain 32-bit register-to-register move (a coalescing candidate). */
export function isRegCopy(ins: MInstr): boolean {
  const [d, s] = ins.operands;
  return ins.op === "mov" && d?.kind === "reg" && s?.kind === "reg" && d.size === 32 && s.size === 32;
}
