// The assembler's input model: one Statement per source line (after preprocessing).
// The text parser produces these, and the compiler's back end builds them directly,
// so `--emit-asm` text and in-process objects come from the same values
// (`formatStatement` prints one back as NASM text).

import type { SourceLocation } from "../common/diagnostics.js";

export type Reg32 = "eax" | "ecx" | "edx" | "ebx" | "esp" | "ebp" | "esi" | "edi";
export type Reg16 = "ax" | "cx" | "dx" | "bx" | "sp" | "bp" | "si" | "di";
export type Reg8 = "al" | "cl" | "dl" | "bl" | "ah" | "ch" | "dh" | "bh";
export type SegReg = "es" | "cs" | "ss" | "ds" | "fs" | "gs";
export type CtrlReg = "cr0" | "cr2" | "cr3" | "cr4";
export type DebugReg = "dr0" | "dr1" | "dr2" | "dr3" | "dr6" | "dr7";
export type Register = Reg32 | Reg16 | Reg8 | SegReg | CtrlReg | DebugReg;

/** Constant or relocatable expression (NASM semantics; evaluated by the assembler). */
export type Expr =
  | { kind: "num"; value: number }
  | { kind: "sym"; name: string } // label, local label (".loop" is already qualified as "outer.loop"), equ, extern
  | { kind: "here" } // $
  | { kind: "sectionStart" } // $$
  | { kind: "unary"; op: "-" | "+" | "~" | "!"; operand: Expr }
  | {
      kind: "binary";
      op: "+" | "-" | "*" | "/" | "//" | "%" | "%%" | "<<" | ">>" | "&" | "|" | "^" | "==" | "!=" | "<" | "<=" | ">" | ">=" | "&&" | "||";
      left: Expr;
      right: Expr;
    };

/** Operand size in bits, from a size keyword (byte/word/dword/qword) or implied by a register; 48 is `far [m]`. */
export type OperandSize = 8 | 16 | 32 | 48 | 64;

export type Operand =
  | { kind: "reg"; reg: Register }
  | { kind: "imm"; expr: Expr; size?: OperandSize; short?: boolean; near?: boolean; strict?: boolean } // `byte 5`, `short label`, `strict dword 5`
  | {
      kind: "mem";
      size?: OperandSize; // dword [..]
      segment?: SegReg; // [fs:eax]
      base?: Reg32;
      index?: Reg32;
      scale?: 1 | 2 | 4 | 8;
      disp?: Expr;
    }
  | { kind: "far"; segment: Expr; offset: Expr }; // jmp 0x08:label

export interface Instruction {
  kind: "instruction";
  /** rep, repe, repne, lock, o16 ... */
  prefixes: string[];
  mnemonic: string; // lower case
  operands: Operand[];
  loc?: SourceLocation;
  /** Comment printed after the instruction by formatStatement (e.g. the TS source line). */
  comment?: string;
}

export interface Label {
  kind: "label";
  /** Fully qualified name (local labels already prefixed with their parent). */
  name: string;
  loc?: SourceLocation;
}

export type DataItem = { kind: "expr"; expr: Expr } | { kind: "string"; bytes: number[] };

export type Directive =
  | { kind: "section"; name: string; attributes: string[]; loc?: SourceLocation } // section .text / segment
  | { kind: "absolute"; address: Expr; loc?: SourceLocation } // absolute 0: labels are numbers (struc layouts)
  | { kind: "bits"; bits: 16 | 32; loc?: SourceLocation }
  // global/static: "name", "name:function", "name:data"; sizes[i]: ELF st_size (`$` in it is the symbol's own address, as in nasm).
  // `static` (NASM >= 2.15) gives a local symbol its ELF type and size.
  | { kind: "global" | "static"; names: string[]; sizes?: (Expr | undefined)[]; loc?: SourceLocation }
  | { kind: "extern"; names: string[]; loc?: SourceLocation } // "name" or "name:function"
  | { kind: "equ"; name: string; expr: Expr; loc?: SourceLocation }
  | { kind: "data"; width: 1 | 2 | 4 | 8; items: DataItem[]; loc?: SourceLocation } // db dw dd dq
  | { kind: "reserve"; width: 1 | 2 | 4 | 8; count: Expr; loc?: SourceLocation } // resb resw resd resq
  | { kind: "align"; alignment: Expr; fill?: "nop" | "zero"; loc?: SourceLocation } // align / alignb
  | { kind: "times"; count: Expr; body: Statement; loc?: SourceLocation }
  | { kind: "comment"; text: string }; // a standalone comment line in emitted text (no bytes)

export type Statement = Instruction | Label | Directive;
