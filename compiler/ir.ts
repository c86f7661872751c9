// The ts386 intermediate representation: the contract between the front end
// (TypeScript AST -> IR, compiler/lower/*) and the middle/back end (IR passes,
// instruction selection, register allocation, compiler/opt/* and compiler/x86/*).
//
// Shape (in the spirit of QBE): a module of functions and data; a function is a
// list of basic blocks; a block is a list of instructions ending in exactly one
// terminator. Values live in virtual registers ("temps"), every one 32 bits wide:
// narrow integers are held promoted (zero- or sign-extended) in 32-bit temps, and
// only loads, stores and `ext` know about widths. Temps may be assigned more than
// once (not SSA); locals are temps. Nothing lives on the stack except what the
// register allocator spills: the language has no address-of for locals.
// Every instruction carries the TS source position it came from (for --emit-asm
// annotations and, later, DWARF line tables).

export type Temp = number;

export type Value =
  | { kind: "temp"; temp: Temp }
  | { kind: "const"; value: number } // a 32-bit pattern, stored as a signed int32 (value | 0)
  | { kind: "symbol"; name: string; offset: number }; // the address of a symbol (+offset): data, function, string

export type Width = 1 | 2 | 4;

export type BinaryOp =
  | "add" | "sub" | "mul"
  | "divs" | "divu" | "rems" | "remu" // truncating division; the CPU traps on /0 and INT_MIN/-1
  | "and" | "or" | "xor"
  | "shl" | "shr" | "sar"; // count taken mod 32

export type UnaryOp = "neg" | "not";

export type Condition = "eq" | "ne" | "lt" | "le" | "gt" | "ge" | "ult" | "ule" | "ugt" | "uge";

/** Calling convention: cdecl for exported, extern and indirect calls; internal calls may use a faster one. */
export type CallConv = "cdecl" | "internal";

export interface SourcePos {
  file: string; // as given to the compiler, relative to the current directory
  line: number; // 1-based
  column: number; // 1-based
}

export type Instr =
  | { op: "copy"; dst: Temp; src: Value; pos?: SourcePos }
  | { op: "binary"; dst: Temp; kind: BinaryOp; left: Value; right: Value; pos?: SourcePos }
  | { op: "unary"; dst: Temp; kind: UnaryOp; src: Value; pos?: SourcePos }
  | { op: "compare"; dst: Temp; cond: Condition; left: Value; right: Value; pos?: SourcePos } // dst = 0 or 1
  /** dst = low `width` bytes of src, zero- or sign-extended to 32 bits (casts to u8/i8/u16/i16). */
  | { op: "extend"; dst: Temp; src: Value; width: 1 | 2; signed: boolean; pos?: SourcePos }
  /** Memory read of `width` bytes at address+offset, extended to 32 bits. Never removed or merged (MMIO-safe). */
  | { op: "load"; dst: Temp; width: Width; signed: boolean; address: Value; offset: number; pos?: SourcePos }
  /** Memory write of the low `width` bytes of value. Never removed or merged. */
  | { op: "store"; width: Width; address: Value; offset: number; value: Value; pos?: SourcePos }
  | {
      op: "call";
      dst?: Temp;
      callee: Value; // a symbol for direct calls, a temp for indirect ones
      args: Value[];
      conv: CallConv;
      pos?: SourcePos;
    }
  /** x86 intrinsics: see INTRINSICS below for names, operands and results. */
  | { op: "intrinsic"; dst?: Temp; name: IntrinsicName; args: Value[]; pos?: SourcePos };

export type Terminator =
  | { op: "jump"; target: BlockId; pos?: SourcePos }
  | { op: "branch"; cond: Value; ifTrue: BlockId; ifFalse: BlockId; pos?: SourcePos } // taken if cond != 0
  | { op: "branchCompare"; cond: Condition; left: Value; right: Value; ifTrue: BlockId; ifFalse: BlockId; pos?: SourcePos }
  /** Dense switch: value - low indexes `targets`; out of range goes to `otherwise`. */
  | { op: "switch"; value: Value; low: number; targets: BlockId[]; otherwise: BlockId; pos?: SourcePos }
  | { op: "return"; value?: Value; pos?: SourcePos }
  /** Control never gets here (after a call that does not return, ud2, a panic). */
  | { op: "unreachable"; pos?: SourcePos };

export type BlockId = number;

export interface Block {
  id: BlockId;
  instrs: Instr[];
  term: Terminator;
}

export interface IrFunction {
  /** Assembly symbol name. */
  name: string;
  /** Global symbol (exported TS function or program entry); otherwise local to the object. */
  exported: boolean;
  conv: CallConv;
  params: Temp[];
  returnsValue: boolean;
  /** blocks[0] is the entry. */
  blocks: Block[];
  /** Number of temps allocated (temps are 0 .. tempCount-1). */
  tempCount: number;
  /** TS names of temps that hold locals/params, for listings and debug info. */
  tempNames: Map<Temp, string>;
  /** TS type names of those temps ("u32", "bool", a class name), for debug info. */
  tempTypes?: Map<Temp, string>;
  /** TS type name of the result (when returnsValue), for debug info. */
  returnType?: string;
  /** Debug info: named temps that always hold another temp's value (compiler/debug/aliases.ts). */
  debugAliases?: Map<Temp, Temp>;
  pos?: SourcePos;
}

/** A relocated 32-bit word inside a data object: the address of `symbol` + addend at `offset`. */
export interface DataRelocation {
  offset: number;
  symbol: string;
  addend: number;
}

export interface IrData {
  name: string;
  section: "data" | "rodata" | "bss";
  align: number;
  size: number;
  /** Initial bytes (length == size) for data/rodata; empty for bss. */
  bytes: Uint8Array;
  relocations: DataRelocation[];
  exported: boolean;
  /** The TS variable it stores, for debug info: its name and type (`length`: a StaticArray of that many). */
  debug?: { name: string; type: string; length?: number };
}

export interface IrModule {
  functions: IrFunction[];
  data: IrData[];
  /** Symbols referenced but defined elsewhere (declare function, runtime support). */
  externs: string[];
  /** The @unmanaged classes' layouts (TS type names of the fields), for debug info. */
  classes?: DebugClass[];
}

export interface DebugClass {
  name: string;
  size: number;
  fields: { name: string; type: string; offset: number }[];
}

/** The x86 intrinsics, as the IR names them. The TS surface (runtime/ts386.d.ts) maps onto these. */
export type IntrinsicName =
  | "inb" | "inw" | "inl" // dst = in port                  args: [port]
  | "outb" | "outw" | "outl" // out port, value             args: [port, value]
  | "cli" | "sti" | "hlt" | "pause" | "nop" | "ud2" | "int3"
  | "int" // int n                                          args: [const n]
  | "readCr0" | "readCr2" | "readCr3" | "readCr4" // dst = crN
  | "writeCr0" | "writeCr3" | "writeCr4" // crN = value       args: [value]
  | "lgdt" | "lidt" // load descriptor-table register from the 6-byte pseudo-descriptor at address   args: [address]
  | "invlpg" // invalidate the TLB entry of the page holding address                              args: [address]
  | "readEflags"; // dst = EFLAGS

export const INTRINSIC_RESULTS: ReadonlySet<IntrinsicName> = new Set<IntrinsicName>([
  "inb", "inw", "inl", "readCr0", "readCr2", "readCr3", "readCr4", "readEflags",
]);
