// The i386 instruction encoder: one instruction with evaluated operands in, bytes
// and relocation requests out. It picks the encodings NASM picks (NASM 2.16 with
// its default -Ox): sign-extended imm8 forms where the value fits, the short
// accumulator forms where they are shorter, moffs for eax/ax/al with a bare
// address, short jumps where the target is in reach.
//
// The encoder is pure: the assembler calls it on every pass with the symbol values
// of the previous pass, and the size of what it returns drives relaxation.

import type { Expr, Instruction } from "./statements.js";
import { NO_SEG, type Value } from "./expressions.js";
import { resolveOperand, SEGMENT_PREFIX, type ResolvedOperand } from "./operands.js";
import { REG_EBP, REG_ESP, type RegInfo } from "./registers.js";
import { R_386_16, R_386_32, R_386_8, R_386_PC32 } from "../elf/types.js";
import type { ByteBuffer } from "../common/byte-buffer.js";

/** A relocation the instruction needs: at byte `at` of the instruction, against segment `seg`. */
export interface RelocRequest {
  at: number;
  type: number;
  seg: number;
}

export interface Encoded {
  bytes: number[];
  relocs: RelocRequest[];
}

export interface EncodeContext {
  /** Section the instruction is in, and its offset there (for relative jumps). */
  section: number;
  offset: number;
  /** Report values out of range (false in passes whose label values may still move). */
  checkRanges: boolean;
  eval(e: Expr): Value;
  fail(message: string): never;
}

type Op = ResolvedOperand;
type Reg = Extract<Op, { k: "reg" }>;
type Mem = Extract<Op, { k: "mem" }>;
type Imm = Extract<Op, { k: "imm" }>;

// Maps, not object literals: a name such as `constructor` must not find Object.prototype's.
const ALU = new Map(Object.entries({ add: 0, or: 1, adc: 2, sbb: 3, and: 4, sub: 5, xor: 6, cmp: 7 }));
const SHIFT = new Map(Object.entries({ rol: 0, ror: 1, rcl: 2, rcr: 3, shl: 4, sal: 4, shr: 5, sar: 7 }));
const UNARY = new Map(Object.entries({ not: 2, neg: 3, mul: 4, div: 6, idiv: 7 }));
export const CONDITIONS: ReadonlyMap<string, number> = new Map(Object.entries({
  o: 0, no: 1, b: 2, c: 2, nae: 2, ae: 3, nb: 3, nc: 3, e: 4, z: 4, ne: 5, nz: 5, be: 6, na: 6,
  a: 7, nbe: 7, s: 8, ns: 9, p: 10, pe: 10, np: 11, po: 11, l: 12, nge: 12, ge: 13, nl: 13,
  le: 14, ng: 14, g: 15, nle: 15,
}));

/** Instructions without operands: their bytes (a leading 0x66 for the 16-bit forms). */
const NO_OPERANDS: ReadonlyMap<string, number[]> = new Map(Object.entries({
  nop: [0x90], hlt: [0xf4], cli: [0xfa], sti: [0xfb], cld: [0xfc], std: [0xfd], clc: [0xf8],
  stc: [0xf9], cmc: [0xf5], sahf: [0x9e], lahf: [0x9f], leave: [0xc9], int3: [0xcc], into: [0xce],
  ud2: [0x0f, 0x0b], pause: [0xf3, 0x90], cdq: [0x99], cwd: [0x66, 0x99], cwde: [0x98], cbw: [0x66, 0x98],
  pushad: [0x60], popad: [0x61], pusha: [0x60], popa: [0x61], pushaw: [0x66, 0x60], popaw: [0x66, 0x61],
  pushfd: [0x9c], popfd: [0x9d], pushf: [0x9c], popf: [0x9d], pushfw: [0x66, 0x9c], popfw: [0x66, 0x9d],
  iretd: [0xcf], iret: [0xcf], iretw: [0x66, 0xcf], cpuid: [0x0f, 0xa2], rdtsc: [0x0f, 0x31],
  rdmsr: [0x0f, 0x32], wrmsr: [0x0f, 0x30], wbinvd: [0x0f, 0x09], invd: [0x0f, 0x08], clts: [0x0f, 0x06],
  movsb: [0xa4], movsw: [0x66, 0xa5], movsd: [0xa5], stosb: [0xaa], stosw: [0x66, 0xab], stosd: [0xab],
  lodsb: [0xac], lodsw: [0x66, 0xad], lodsd: [0xad], scasb: [0xae], scasw: [0x66, 0xaf], scasd: [0xaf],
  cmpsb: [0xa6], cmpsw: [0x66, 0xa7], cmpsd: [0xa7], insb: [0x6c], insd: [0x6d], outsb: [0x6e], outsd: [0x6f],
  xlatb: [0xd7], salc: [0xd6], icebp: [0xf1], int1: [0xf1], insw: [0x66, 0x6d], outsw: [0x66, 0x6f],
  wait: [0x9b], fwait: [0x9b], fninit: [0xdb, 0xe3], finit: [0x9b, 0xdb, 0xe3], fnclex: [0xdb, 0xe2], fclex: [0x9b, 0xdb, 0xe2],
  sysenter: [0x0f, 0x34], sysexit: [0x0f, 0x35], rdpmc: [0x0f, 0x33], daa: [0x27], das: [0x2f], aaa: [0x37], aas: [0x3f],
  aam: [0xd4, 0x0a], aad: [0xd5, 0x0a],
}));

const PREFIX_BYTES: ReadonlyMap<string, number> = new Map(Object.entries({
  rep: 0xf3, repe: 0xf3, repz: 0xf3, repne: 0xf2, repnz: 0xf2, lock: 0xf0, o16: 0x66, a16: 0x67,
}));

/** Every mnemonic the encoder knows (the parser uses this to tell instructions from labels). */
export const MNEMONICS: Set<string> = new Set([
  ...ALU.keys(), ...SHIFT.keys(), ...UNARY.keys(), ...NO_OPERANDS.keys(),
  ...[...CONDITIONS.keys()].flatMap((c) => [`j${c}`, `set${c}`, `cmov${c}`]),
  "mov", "movzx", "movsx", "lea", "xchg", "test", "push", "pop", "inc", "dec", "imul", "jmp", "call",
  "ret", "retn", "retf", "int", "in", "out", "lgdt", "lidt", "sgdt", "sidt", "lldt", "sldt", "ltr", "str",
  "invlpg", "jecxz", "jcxz", "loop", "loope", "loopz", "loopne", "loopnz", "enter", "bswap", "bt", "bts",
  "btr", "btc", "bsf", "bsr", "shld", "shrd", "xadd", "cmpxchg", "lmsw", "smsw", "cmpxchg8b", "fxsave", "fxrstor",
  "lds", "les", "lfs", "lgs", "lss", "lar", "lsl", "verr", "verw", "arpl",
]);
export const PREFIXES: Set<string> = new Set([...PREFIX_BYTES.keys(), "o32", "a32"]);

/** Checks that a number fits `bits` bits (as a signed or an unsigned value). */
function fits(n: number, bits: number): boolean {
  // The bounds are constants per width: `2 ** bits` with a variable width is a call to pow.
  const top = bits === 8 ? 0x100 : bits === 16 ? 0x10000 : bits === 32 ? 0x100000000 : 2 ** bits;
  return n >= -top / 2 && n < top;
}

/** NASM's test for the sign-extended imm8 forms: the value, wrapped to the operand size, is in -128..127. */
function isSbyte(v: Value, size: number): boolean {
  if (v.unknown || v.seg !== NO_SEG) return false;
  let n = v.offset;
  if (size === 16) n = ((n & 0xffff) << 16) >> 16;
  else n = n | 0;
  return n >= -128 && n <= 127 && fits(v.offset, size);
}

/**
 * Where every encoding writes its bytes before they are copied out at their exact
 * length: a new list grown by push started with room for 17 and was most of what
 * encoding allocated. Encodings do not nest, so one list serves them all.
 */
const scratch: number[] = [];

class Emitter {
  /** Bytes written so far (in `scratch`). */
  length = 0;
  /** Made only for the few instructions that have one. */
  relocs: RelocRequest[] | undefined = undefined;
  /** The context of the encoding under way (set by start). */
  private ctx!: EncodeContext;

  /** Starts an encoding in `ctx`. */
  start(ctx: EncodeContext): void {
    this.ctx = ctx;
    this.length = 0;
    this.relocs = undefined;
  }

  reloc(r: RelocRequest): void {
    if (this.relocs) this.relocs.push(r);
    else this.relocs = [r];
  }

  byte(b: number): void {
    scratch[this.length++] = b & 0xff;
  }

  /** The bytes written, in a list of their own. */
  bytes(): number[] {
    return scratch.slice(0, this.length);
  }

  /** Writes a value of `size` bytes, with a relocation when it is an address. */
  value(v: Value, size: 1 | 2 | 4, what = "value"): void {
    if (!v.unknown) {
      if (v.seg !== NO_SEG) this.reloc({ at: this.length, type: size === 4 ? R_386_32 : size === 2 ? R_386_16 : R_386_8, seg: v.seg });
      else if (this.ctx.checkRanges && !fits(v.offset, size * 8)) this.ctx.fail(`${what} ${v.offset} does not fit in ${size * 8} bits`);
    }
    const n = v.unknown ? 0 : v.offset;
    this.byte(n);
    if (size >= 2) this.byte(n >>> 8);
    if (size === 4) {
      this.byte(n >>> 16);
      this.byte(n >>> 24);
    }
  }

  /** ModRM (+SIB +displacement) for a register field and an r/m operand. */
  modrm(regField: number, rm: Reg | Mem): void {
    if (rm.k === "reg") {
      this.byte(0xc0 | (regField << 3) | rm.r.num);
      return;
    }
    const { base, index, scale, disp } = rm;
    const reg = regField << 3;
    if (!base && !index) {
      this.byte(0x05 | reg);
      this.value(disp ?? { offset: 0, seg: NO_SEG, unknown: false }, 4, "displacement");
      return;
    }
    const ss = scale === 8 ? 3 : scale === 4 ? 2 : scale === 2 ? 1 : 0;
    if (!base) {
      this.byte(0x04 | reg);
      this.byte((ss << 6) | (index!.num << 3) | 5);
      this.value(disp ?? { offset: 0, seg: NO_SEG, unknown: false }, 4, "displacement");
      return;
    }
    let mod: number;
    if (disp === null || (!disp.unknown && disp.seg === NO_SEG && disp.offset === 0)) mod = base.num === REG_EBP ? 1 : 0;
    else if (isSbyte(disp, 32)) mod = 1;
    else mod = 2;
    if (index || base.num === REG_ESP) {
      this.byte((mod << 6) | reg | 4);
      this.byte((ss << 6) | ((index ? index.num : 4) << 3) | base.num);
    } else {
      this.byte((mod << 6) | reg | base.num);
    }
    const d = disp ?? { offset: 0, seg: NO_SEG, unknown: false };
    if (mod === 1) this.byte(d.offset);
    else if (mod === 2) this.value(d, 4, "displacement");
  }
}

/** The encoder's output: encodings do not nest, so one emitter (over `scratch`) serves them all. */
const emitter = new Emitter();

/** Encodes `ins` into the shared emitter, whose bytes are valid until the next encoding. */
function encode(ins: Instruction, ctx: EncodeContext): Emitter {
  // At their number: a list grown by push starts with room for 17.
  const count = ins.operands.length;
  const ops = new Array<Op>(count);
  let mem: Mem | undefined;
  for (let i = 0; i < count; i++) {
    const o = resolveOperand(ins.operands[i]!, ctx);
    ops[i] = o;
    if (!mem && o.k === "mem") mem = o;
  }
  const e = emitter;
  e.start(ctx);
  for (let i = 0; i < ins.prefixes.length; i++) {
    const p = ins.prefixes[i]!;
    const b = PREFIX_BYTES.get(p);
    if (b !== undefined) e.byte(b);
    else if (!PREFIXES.has(p)) ctx.fail(`unknown prefix '${p}'`);
  }
  if (mem?.seg) e.byte(SEGMENT_PREFIX[mem.seg]);
  encodeBody(ins.mnemonic, ops, e, ctx);
  return e;
}

export function encodeInstruction(ins: Instruction, ctx: EncodeContext): Encoded {
  const e = encode(ins, ctx);
  // Most instructions have no relocation: share one empty list (encodings are kept across passes).
  return { bytes: e.bytes(), relocs: e.relocs ?? NO_RELOCS };
}

/** The size of `ins`'s encoding: all a layout pass needs (no copy of the bytes). */
export function encodedSize(ins: Instruction, ctx: EncodeContext): number {
  return encode(ins, ctx).length;
}

/** Appends `ins`'s bytes to `out`; returns its relocation requests (`at` counts from the instruction's first byte). */
export function encodeInto(ins: Instruction, ctx: EncodeContext, out: ByteBuffer): readonly RelocRequest[] {
  const e = encode(ins, ctx);
  out.pushRange(scratch, 0, e.length);
  return e.relocs ?? NO_RELOCS;
}

const NO_RELOCS: RelocRequest[] = Object.freeze([]) as unknown as RelocRequest[];

function invalid(ctx: EncodeContext): never {
  ctx.fail("invalid combination of opcode and operands");
}

/** The operand size an instruction works at, from its registers and size keywords. */
function operandSize(ctx: EncodeContext, ...ops: Op[]): number {
  let size = 0;
  for (let i = 0; i < ops.length; i++) {
    const o = ops[i]!;
    const s = o.k === "reg" ? o.r.size : o.k === "mem" ? (o.size ?? 0) : 0;
    if (s === 0) continue;
    if (size !== 0 && s !== size) ctx.fail("mismatch in operand sizes");
    size = s;
  }
  // `add [eax], word 2`: with no register or sized memory, the immediate's size keyword decides (as in nasm).
  if (size === 0) {
    for (let i = 0; i < ops.length; i++) {
      const o = ops[i]!;
      if (o.k === "imm" && o.size !== undefined) size = o.size;
    }
  }
  if (size === 0) ctx.fail("operation size not specified");
  if (size !== 8 && size !== 16 && size !== 32) invalid(ctx);
  return size;
}

function isRm(o: Op | undefined): o is Reg | Mem {
  return o !== undefined && ((o.k === "reg" && o.r.cls === "gpr") || o.k === "mem");
}
function isGpr(o: Op | undefined): o is Reg {
  return o !== undefined && o.k === "reg" && o.r.cls === "gpr";
}
function isImm(o: Op | undefined): o is Imm {
  return o !== undefined && o.k === "imm";
}
function isAcc(o: Op | undefined): boolean {
  return isGpr(o) && o.r.num === 0;
}
/** A bare address: no base, no index. */
function isMoffs(o: Op): boolean {
  return o.k === "mem" && !o.base && !o.index;
}

/** Writes fixed opcode bytes. */
function bytes(e: Emitter, xs: number[]): void {
  for (let i = 0; i < xs.length; i++) e.byte(xs[i]!);
}

/** Operand-size prefix for a 16-bit operation. */
function osize(e: Emitter, size: number): void {
  if (size === 16) e.byte(0x66);
}

/** The immediate of a sized operation: imm8/imm16/imm32. */
function imm(e: Emitter, v: Value, size: number): void {
  e.value(v, size === 8 ? 1 : size === 16 ? 2 : 4, "immediate");
}

/** A shift count: an unsigned byte (nasm warns about -1 here; we refuse it). */
function shiftCount(e: Emitter, ctx: EncodeContext, v: Value): void {
  if (ctx.checkRanges && !v.unknown && v.seg === NO_SEG && (v.offset < 0 || v.offset > 255)) ctx.fail(`shift count ${v.offset} is not in 0..255`);
  imm(e, v, 8);
}

/** The imm8 of a sign-extended form: the value wrapped to a signed byte. */
function sbyte(v: Value): Value {
  return v.unknown ? v : { offset: (v.offset << 24) >> 24, seg: v.seg, unknown: false };
}

/** An immediate's size keyword must match the operation (or be `byte` where a sign-extended imm8 exists). */
function checkImmSize(ctx: EncodeContext, o: Imm, size: number, byteAllowed: boolean): void {
  if (o.size !== undefined && o.size !== size && !(byteAllowed && o.size === 8)) ctx.fail("mismatch in operand sizes");
}

function wantsByteImm(o: Imm, size: number): boolean {
  if (o.size === 8) return true;
  if (o.strict && o.size !== undefined) return false;
  // A value not known yet (first pass) takes the imm8 form, as in nasm; a displacement
  // not known yet takes disp32 (see modrm). Both matter for where relaxation settles.
  if (o.v.unknown) return true;
  return isSbyte(o.v, size);
}

const BRANCHES = new Set(["jmp", "call", ...[...CONDITIONS.keys()].map((c) => `j${c}`)]);

function hasJumpQualifier(ops: Op[]): boolean {
  for (let i = 0; i < ops.length; i++) {
    const o = ops[i]!;
    if (o.k === "imm" && (o.short || o.near)) return true;
  }
  return false;
}

function encodeBody(m: string, ops: Op[], e: Emitter, ctx: EncodeContext): void {
  // Index reads, not destructuring: unoptimized code would run the iterator protocol (and allocate) per instruction.
  // Not read past the end (an out-of-bounds read throws optimized code away); typed
  // as the list's elements were, the checks below test what is there.
  const n = ops.length;
  const a = (n > 0 ? ops[0] : undefined) as Op;
  const b = (n > 1 ? ops[1] : undefined) as Op;
  const c = (n > 2 ? ops[2] : undefined) as Op;
  // `short` and `near` only qualify the target of a jmp, jcc or call.
  if (!BRANCHES.has(m) && hasJumpQualifier(ops)) ctx.fail("mismatch in operand sizes");
  if ((m === "aam" || m === "aad") && n === 1 && isImm(a)) {
    checkImmSize(ctx, a, 8, false);
    e.byte(m === "aam" ? 0xd4 : 0xd5);
    imm(e, a.v, 8);
    return;
  }
  if (m === "nop" && n === 1 && isRm(a)) {
    // The multi-byte NOP, 0F 1F /0.
    const size = operandSize(ctx, a);
    if (size === 8) invalid(ctx);
    osize(e, size);
    e.byte(0x0f);
    e.byte(0x1f);
    e.modrm(0, a);
    return;
  }
  const fixed = NO_OPERANDS.get(m);
  if (fixed) {
    if (n !== 0) invalid(ctx);
    bytes(e, fixed);
    return;
  }

  const alu = ALU.get(m);
  if (alu !== undefined) {
    if (n !== 2) invalid(ctx);
    const size = operandSize(ctx, a!, b!);
    if (isRm(a) && isGpr(b)) {
      osize(e, size);
      e.byte(alu * 8 + (size === 8 ? 0 : 1));
      e.modrm(b.r.num, a);
    } else if (isGpr(a) && b!.k === "mem") {
      osize(e, size);
      e.byte(alu * 8 + (size === 8 ? 2 : 3));
      e.modrm(a.r.num, b);
    } else if (isRm(a) && isImm(b)) {
      checkImmSize(ctx, b, size, true);
      osize(e, size);
      if (size === 8) {
        if (isAcc(a)) e.byte(alu * 8 + 4);
        else {
          e.byte(0x80);
          e.modrm(alu, a);
        }
        imm(e, b.v, 8);
      } else if (wantsByteImm(b, size)) {
        e.byte(0x83);
        e.modrm(alu, a);
        imm(e, b.size === 8 ? b.v : sbyte(b.v), 8);
      } else {
        if (isAcc(a)) e.byte(alu * 8 + 5);
        else {
          e.byte(0x81);
          e.modrm(alu, a);
        }
        imm(e, b.v, size);
      }
    } else invalid(ctx);
    return;
  }

  const shift = SHIFT.get(m);
  if (shift !== undefined) {
    if (n !== 2 || !isRm(a)) invalid(ctx);
    const size = operandSize(ctx, a);
    osize(e, size);
    const w = size === 8 ? 0 : 1;
    if (isGpr(b) && b.r.name === "cl") {
      e.byte(0xd2 + w);
      e.modrm(shift, a);
    } else if (isImm(b)) {
      if (b.size !== undefined && b.size !== 8) invalid(ctx);
      // By 1 (D0/D1); nasm also takes this form for a count not known yet (first pass).
      if ((b.v.unknown || (b.v.seg === NO_SEG && b.v.offset === 1)) && b.size === undefined) {
        e.byte(0xd0 + w);
        e.modrm(shift, a);
      } else {
        e.byte(0xc0 + w);
        e.modrm(shift, a);
        shiftCount(e, ctx, b.v);
      }
    } else invalid(ctx);
    return;
  }

  const unary = UNARY.get(m);
  if (unary !== undefined || (m === "imul" && n === 1)) {
    if (n !== 1 || !isRm(a)) invalid(ctx);
    const size = operandSize(ctx, a);
    osize(e, size);
    e.byte(size === 8 ? 0xf6 : 0xf7);
    e.modrm(unary ?? 5, a);
    return;
  }

  if (m.startsWith("j") && m !== "jmp" && m !== "jecxz" && m !== "jcxz") {
    const cc = CONDITIONS.get(m.slice(1));
    if (cc === undefined) ctx.fail(`unknown instruction '${m}'`);
    if (n !== 1 || !isImm(a)) invalid(ctx);
    relativeJump(e, ctx, a, [0x70 + cc], [0x0f, 0x80 + cc]);
    return;
  }
  const setcc = m.startsWith("set") ? CONDITIONS.get(m.slice(3)) : undefined;
  if (setcc !== undefined) {
    if (n !== 1 || !isRm(a) || operandSize(ctx, { ...a, size: a.k === "mem" ? (a.size ?? 8) : undefined } as Op) !== 8) invalid(ctx);
    e.byte(0x0f);
    e.byte(0x90 + setcc);
    e.modrm(0, a);
    return;
  }
  const cmovcc = m.startsWith("cmov") ? CONDITIONS.get(m.slice(4)) : undefined;
  if (cmovcc !== undefined) {
    if (n !== 2 || !isGpr(a) || !isRm(b)) invalid(ctx);
    const size = operandSize(ctx, a, b);
    if (size === 8) invalid(ctx);
    osize(e, size);
    e.byte(0x0f);
    e.byte(0x40 + cmovcc);
    e.modrm(a.r.num, b);
    return;
  }

  switch (m) {
    case "mov":
      return encodeMov(e, ctx, ops);
    case "test": {
      if (n !== 2) invalid(ctx);
      const size = operandSize(ctx, a!, b!);
      osize(e, size);
      const w = size === 8 ? 0 : 1;
      if (isRm(a) && isGpr(b)) {
        e.byte(0x84 + w);
        e.modrm(b.r.num, a);
      } else if (isGpr(a) && b!.k === "mem") {
        e.byte(0x84 + w);
        e.modrm(a.r.num, b);
      } else if (isRm(a) && isImm(b)) {
        checkImmSize(ctx, b, size, false);
        if (isAcc(a)) e.byte(0xa8 + w);
        else {
          e.byte(0xf6 + w);
          e.modrm(0, a);
        }
        imm(e, b.v, size);
      } else invalid(ctx);
      return;
    }
    case "movzx":
    case "movsx": {
      if (n !== 2 || !isGpr(a) || !isRm(b)) invalid(ctx);
      // An unsized memory source is a byte for a 16-bit destination (the only choice); nasm wants a size otherwise.
      const src = b.k === "reg" ? b.r.size : (b.size ?? (a.r.size === 16 ? 8 : undefined));
      if (src === undefined) ctx.fail("operation size not specified");
      if (src >= a.r.size || a.r.size === 8) invalid(ctx);
      osize(e, a.r.size);
      e.byte(0x0f);
      e.byte((m === "movzx" ? 0xb6 : 0xbe) + (src === 16 ? 1 : 0));
      e.modrm(a.r.num, b);
      return;
    }
    case "lea":
      if (n !== 2 || !isGpr(a) || a.r.size === 8 || b!.k !== "mem") invalid(ctx);
      osize(e, a.r.size);
      e.byte(0x8d);
      e.modrm(a.r.num, b);
      return;
    case "xchg": {
      if (n !== 2) invalid(ctx);
      const size = operandSize(ctx, a!, b!);
      if (isGpr(a) && isGpr(b)) {
        osize(e, size);
        if (size !== 8 && (a.r.num === 0 || b.r.num === 0)) {
          e.byte(0x90 + (a.r.num === 0 ? b.r.num : a.r.num));
          return;
        }
        e.byte(size === 8 ? 0x86 : 0x87);
        e.modrm(a.r.num, b);
      } else if (isGpr(a) && b!.k === "mem") {
        osize(e, size);
        e.byte(size === 8 ? 0x86 : 0x87);
        e.modrm(a.r.num, b);
      } else if (a!.k === "mem" && isGpr(b)) {
        osize(e, size);
        e.byte(size === 8 ? 0x86 : 0x87);
        e.modrm(b.r.num, a);
      } else invalid(ctx);
      return;
    }
    case "push":
    case "pop":
      return encodePushPop(e, ctx, m, ops);
    case "inc":
    case "dec": {
      if (n !== 1 || !isRm(a)) invalid(ctx);
      const size = operandSize(ctx, a);
      osize(e, size);
      const r = m === "inc" ? 0 : 1;
      if (isGpr(a) && size !== 8) e.byte(0x40 + r * 8 + a.r.num);
      else {
        e.byte(size === 8 ? 0xfe : 0xff);
        e.modrm(r, a);
      }
      return;
    }
    case "imul": {
      if (!isGpr(a) || a.r.size === 8) invalid(ctx);
      const size = a.r.size;
      if (n === 2 && isRm(b)) {
        operandSize(ctx, a, b);
        osize(e, size);
        e.byte(0x0f);
        e.byte(0xaf);
        e.modrm(a.r.num, b);
        return;
      }
      // imul r, imm is imul r, r, imm.
      const src = n === 2 ? a : b;
      const k = n === 2 ? b : c;
      if (n > 3 || !isRm(src) || !isImm(k)) invalid(ctx);
      operandSize(ctx, a, src);
      checkImmSize(ctx, k, size, true);
      osize(e, size);
      if (wantsByteImm(k, size)) {
        e.byte(0x6b);
        e.modrm(a.r.num, src);
        imm(e, k.size === 8 ? k.v : sbyte(k.v), 8);
      } else {
        e.byte(0x69);
        e.modrm(a.r.num, src);
        imm(e, k.v, size);
      }
      return;
    }
    case "jmp":
    case "call": {
      if (n !== 1) invalid(ctx);
      if (a!.k === "far") {
        e.byte(m === "jmp" ? 0xea : 0x9a);
        e.value(a.off, 4, "offset");
        e.value(a.seg, 2, "segment");
        return;
      }
      if (a!.k === "mem" && a.size === 48) {
        // jmp/call far [m]: selector:offset in memory.
        e.byte(0xff);
        e.modrm(m === "jmp" ? 5 : 3, a);
        return;
      }
      if (isRm(a)) {
        const size = a.k === "reg" ? a.r.size : (a.size ?? 32);
        if (size !== 32 && size !== 16) invalid(ctx);
        osize(e, size);
        e.byte(0xff);
        e.modrm(m === "jmp" ? 4 : 2, a);
        return;
      }
      if (!isImm(a)) invalid(ctx);
      if (m === "call") {
        if (a.short) ctx.fail("a call cannot be short");
        relativeJump(e, ctx, { ...a, near: true }, [], [0xe8]);
      } else relativeJump(e, ctx, a, [0xeb], [0xe9]);
      return;
    }
    case "jecxz":
    case "jcxz":
    case "loop":
    case "loope":
    case "loopz":
    case "loopne":
    case "loopnz": {
      if (n !== 1 || !isImm(a)) invalid(ctx);
      if (a.short || a.near || a.size !== undefined) ctx.fail("mismatch in operand sizes");
      const op = { jecxz: 0xe3, jcxz: 0xe3, loop: 0xe2, loope: 0xe1, loopz: 0xe1, loopne: 0xe0, loopnz: 0xe0 }[m];
      if (m === "jcxz") e.byte(0x67);
      relativeJump(e, ctx, { ...a, short: true }, [op], []);
      return;
    }
    case "ret":
    case "retn":
    case "retf": {
      const far = m === "retf";
      if (n === 0) e.byte(far ? 0xcb : 0xc3);
      else if (n === 1 && isImm(a)) {
        checkImmSize(ctx, a, 16, false);
        e.byte(far ? 0xca : 0xc2);
        imm(e, a.v, 16);
      } else invalid(ctx);
      return;
    }
    case "int":
      if (n !== 1 || !isImm(a)) invalid(ctx);
      checkImmSize(ctx, a, 8, false);
      e.byte(0xcd);
      imm(e, a.v, 8);
      return;
    case "enter":
      if (n !== 2 || !isImm(a) || !isImm(b)) invalid(ctx);
      if (a.size !== undefined || b.size !== undefined) ctx.fail("mismatch in operand sizes");
      e.byte(0xc8);
      imm(e, a.v, 16);
      imm(e, b.v, 8);
      return;
    case "in":
    case "out": {
      if (n !== 2) invalid(ctx);
      const [acc, port] = m === "in" ? [a!, b!] : [b!, a!];
      if (!isAcc(acc)) invalid(ctx);
      const size = (acc as Reg).r.size;
      osize(e, size);
      const w = size === 8 ? 0 : 1;
      const out = m === "out" ? 2 : 0;
      if (isImm(port)) {
        checkImmSize(ctx, port, 8, false);
        e.byte(0xe4 + out + w);
        imm(e, port.v, 8);
      } else if (isGpr(port) && port.r.name === "dx") e.byte(0xec + out + w);
      else invalid(ctx);
      return;
    }
    case "lgdt":
    case "lidt":
    case "sgdt":
    case "sidt":
    case "invlpg": {
      if (n !== 1 || a!.k !== "mem") invalid(ctx);
      if (a.size !== undefined) ctx.fail("mismatch in operand sizes");
      e.byte(0x0f);
      e.byte(0x01);
      e.modrm({ sgdt: 0, sidt: 1, lgdt: 2, lidt: 3, invlpg: 7 }[m], a);
      return;
    }
    case "lldt":
    case "ltr":
    case "sldt":
    case "str":
    case "lmsw":
    case "smsw": {
      if (n !== 1 || !isRm(a)) invalid(ctx);
      if (a.k === "reg" && (a.r.size === 8 || (a.r.size === 32 && (m === "lldt" || m === "ltr" || m === "lmsw")))) invalid(ctx);
      if (a.k === "mem" && a.size !== undefined && a.size !== 16) invalid(ctx);
      if (a.k === "reg" && a.r.size === 16 && (m === "sldt" || m === "str" || m === "smsw")) osize(e, 16);
      e.byte(0x0f);
      e.byte(m === "lmsw" || m === "smsw" ? 0x01 : 0x00);
      e.modrm({ sldt: 0, str: 1, lldt: 2, ltr: 3, smsw: 4, lmsw: 6 }[m], a);
      return;
    }
    case "cmpxchg8b":
    case "fxsave":
    case "fxrstor": {
      if (n !== 1 || a!.k !== "mem") invalid(ctx);
      if (m === "cmpxchg8b" && a.size !== undefined && a.size !== 64) ctx.fail("mismatch in operand sizes");
      if (m !== "cmpxchg8b" && a.size !== undefined) ctx.fail("mismatch in operand sizes");
      e.byte(0x0f);
      e.byte(m === "cmpxchg8b" ? 0xc7 : 0xae);
      e.modrm(m === "fxrstor" ? 1 : m === "cmpxchg8b" ? 1 : 0, a);
      return;
    }
    case "lds":
    case "les":
    case "lfs":
    case "lgs":
    case "lss": {
      // Load a far pointer (offset, selector) from memory into a segment register and r.
      if (n !== 2 || !isGpr(a) || a.r.size === 8 || b!.k !== "mem") invalid(ctx);
      if (b.size !== undefined) ctx.fail("mismatch in operand sizes");
      osize(e, a.r.size);
      const op = { les: [0xc4], lds: [0xc5], lss: [0x0f, 0xb2], lfs: [0x0f, 0xb4], lgs: [0x0f, 0xb5] }[m];
      bytes(e, op);
      e.modrm(a.r.num, b);
      return;
    }
    case "lar":
    case "lsl": {
      if (n !== 2 || !isGpr(a) || a.r.size === 8 || !isRm(b) || (b.k === "reg" && b.r.size === 8)) invalid(ctx);
      if (b.k === "mem" && b.size !== undefined && b.size !== 16) ctx.fail("mismatch in operand sizes");
      osize(e, a.r.size);
      e.byte(0x0f);
      e.byte(m === "lar" ? 0x02 : 0x03);
      e.modrm(a.r.num, b);
      return;
    }
    case "verr":
    case "verw":
      if (n !== 1 || !isRm(a) || (a.k === "reg" && a.r.size !== 16) || (a.k === "mem" && a.size !== undefined && a.size !== 16)) invalid(ctx);
      e.byte(0x0f);
      e.byte(0x00);
      e.modrm(m === "verr" ? 4 : 5, a);
      return;
    case "arpl":
      if (n !== 2 || !isRm(a) || !isGpr(b) || b.r.size !== 16 || (a.k === "reg" && a.r.size !== 16)) invalid(ctx);
      if (a.k === "mem" && a.size !== undefined && a.size !== 16) ctx.fail("mismatch in operand sizes");
      e.byte(0x63);
      e.modrm(b.r.num, a);
      return;
    case "bswap":
      if (n !== 1 || !isGpr(a) || a.r.size !== 32) invalid(ctx);
      e.byte(0x0f);
      e.byte(0xc8 + a.r.num);
      return;
    case "bt":
    case "bts":
    case "btr":
    case "btc": {
      if (n !== 2 || !isRm(a)) invalid(ctx);
      const sub = { bt: 4, bts: 5, btr: 6, btc: 7 }[m];
      if (isGpr(b)) {
        const size = operandSize(ctx, a, b);
        if (size === 8) invalid(ctx);
        osize(e, size);
        e.byte(0x0f);
        e.byte(0xa3 + (sub - 4) * 8);
        e.modrm(b.r.num, a);
      } else if (isImm(b)) {
        const size = operandSize(ctx, a);
        if (size === 8 || (b.size !== undefined && b.size !== 8)) invalid(ctx);
        osize(e, size);
        e.byte(0x0f);
        e.byte(0xba);
        e.modrm(sub, a);
        imm(e, b.v, 8);
      } else invalid(ctx);
      return;
    }
    case "bsf":
    case "bsr": {
      if (n !== 2 || !isGpr(a) || !isRm(b)) invalid(ctx);
      const size = operandSize(ctx, a, b);
      if (size === 8) invalid(ctx);
      osize(e, size);
      e.byte(0x0f);
      e.byte(m === "bsf" ? 0xbc : 0xbd);
      e.modrm(a.r.num, b);
      return;
    }
    case "shld":
    case "shrd": {
      if (n !== 3 || !isRm(a) || !isGpr(b)) invalid(ctx);
      const size = operandSize(ctx, a, b);
      if (size === 8) invalid(ctx);
      osize(e, size);
      e.byte(0x0f);
      const base = m === "shld" ? 0xa4 : 0xac;
      if (isGpr(c) && c.r.name === "cl") {
        e.byte(base + 1);
        e.modrm(b.r.num, a);
      } else if (isImm(c) && c.size === undefined) {
        e.byte(base);
        e.modrm(b.r.num, a);
        shiftCount(e, ctx, c.v);
      } else invalid(ctx);
      return;
    }
    case "xadd":
    case "cmpxchg": {
      if (n !== 2 || !isRm(a) || !isGpr(b)) invalid(ctx);
      const size = operandSize(ctx, a, b);
      osize(e, size);
      e.byte(0x0f);
      e.byte((m === "xadd" ? 0xc0 : 0xb0) + (size === 8 ? 0 : 1));
      e.modrm(b.r.num, a);
      return;
    }
  }
  ctx.fail(`unknown instruction '${m}'`);
}

function encodeMov(e: Emitter, ctx: EncodeContext, ops: Op[]): void {
  const a = ops[0];
  const b = ops[1];
  if (ops.length !== 2) invalid(ctx);
  // Segment and control registers.
  if (a!.k === "reg" && a.r.cls === "seg") {
    if (!isRm(b) || (b.k === "reg" && b.r.size === 8) || (b.k === "mem" && b.size !== undefined && b.size !== 16)) invalid(ctx);
    e.byte(0x8e);
    e.modrm(a.r.num, b);
    return;
  }
  if (b!.k === "reg" && b.r.cls === "seg") {
    if (!isRm(a) || (a.k === "reg" && a.r.size === 8) || (a.k === "mem" && a.size !== undefined && a.size !== 16)) invalid(ctx);
    if (a.k === "reg" && a.r.size === 16) e.byte(0x66);
    e.byte(0x8c);
    e.modrm(b.r.num, a);
    return;
  }
  if (a!.k === "reg" && a.r.cls === "dr") {
    if (!isGpr(b) || b.r.size !== 32) invalid(ctx);
    e.byte(0x0f);
    e.byte(0x23);
    e.byte(0xc0 | (a.r.num << 3) | b.r.num);
    return;
  }
  if (b!.k === "reg" && b.r.cls === "dr") {
    if (!isGpr(a) || a.r.size !== 32) invalid(ctx);
    e.byte(0x0f);
    e.byte(0x21);
    e.byte(0xc0 | (b.r.num << 3) | a.r.num);
    return;
  }
  if (a!.k === "reg" && a.r.cls === "cr") {
    if (!isGpr(b) || b.r.size !== 32) invalid(ctx);
    e.byte(0x0f);
    e.byte(0x22);
    e.byte(0xc0 | (a.r.num << 3) | b.r.num);
    return;
  }
  if (b!.k === "reg" && b.r.cls === "cr") {
    if (!isGpr(a) || a.r.size !== 32) invalid(ctx);
    e.byte(0x0f);
    e.byte(0x20);
    e.byte(0xc0 | (b.r.num << 3) | a.r.num);
    return;
  }
  const size = operandSize(ctx, a!, b!);
  const w = size === 8 ? 0 : 1;
  if (isImm(b)) checkImmSize(ctx, b, size, false);
  osize(e, size);
  if (isAcc(a) && isMoffs(b!)) {
    e.byte(0xa0 + w);
    e.value((b as Mem).disp ?? { offset: 0, seg: NO_SEG, unknown: false }, 4, "address");
  } else if (isMoffs(a!) && isAcc(b)) {
    e.byte(0xa2 + w);
    e.value((a as Mem).disp ?? { offset: 0, seg: NO_SEG, unknown: false }, 4, "address");
  } else if (isRm(a) && isGpr(b)) {
    e.byte(0x88 + w);
    e.modrm(b.r.num, a);
  } else if (isGpr(a) && b!.k === "mem") {
    e.byte(0x8a + w);
    e.modrm(a.r.num, b);
  } else if (isGpr(a) && isImm(b)) {
    e.byte((size === 8 ? 0xb0 : 0xb8) + a.r.num);
    imm(e, b.v, size);
  } else if (a!.k === "mem" && isImm(b)) {
    e.byte(0xc6 + w);
    e.modrm(0, a);
    imm(e, b.v, size);
  } else invalid(ctx);
}

const PUSH_SEG: Record<string, number[]> = { es: [0x06], cs: [0x0e], ss: [0x16], ds: [0x1e], fs: [0x0f, 0xa0], gs: [0x0f, 0xa8] };
const POP_SEG: Record<string, number[]> = { es: [0x07], ss: [0x17], ds: [0x1f], fs: [0x0f, 0xa1], gs: [0x0f, 0xa9] };

function encodePushPop(e: Emitter, ctx: EncodeContext, m: string, ops: Op[]): void {
  const a = ops[0];
  if (ops.length !== 1) invalid(ctx);
  const push = m === "push";
  if (a!.k === "reg" && a.r.cls === "seg") {
    const code = (push ? PUSH_SEG : POP_SEG)[a.r.name];
    if (!code) invalid(ctx);
    bytes(e, code);
    return;
  }
  if (isGpr(a)) {
    if (a.r.size === 8) invalid(ctx);
    osize(e, a.r.size);
    e.byte((push ? 0x50 : 0x58) + a.r.num);
    return;
  }
  if (a!.k === "mem") {
    const size = a.size;
    if (size === undefined) ctx.fail("operation size not specified");
    if (size !== 32 && size !== 16) invalid(ctx);
    osize(e, size);
    e.byte(push ? 0xff : 0x8f);
    e.modrm(push ? 6 : 0, a);
    return;
  }
  if (push && isImm(a)) {
    const size = a.size === 16 ? 16 : 32;
    osize(e, size);
    if (wantsByteImm(a, size)) {
      e.byte(0x6a);
      imm(e, a.size === 8 ? a.v : sbyte(a.v), 8);
    } else {
      e.byte(0x68);
      imm(e, a.v, size);
    }
    return;
  }
  invalid(ctx);
}

/**
 * jmp/jcc/call/loop to a label: the short form when the target is in this section
 * and within -128..127 of the next instruction (or not known yet: NASM is
 * optimistic on its first pass), else the near form with a rel32.
 */
function relativeJump(e: Emitter, ctx: EncodeContext, target: Imm, short: number[], near: number[]): void {
  const v = target.v;
  const canShort = short.length > 0 && !target.near;
  if (canShort) {
    const known = !v.unknown && v.seg === ctx.section;
    const start = e.length;
    const delta = known ? v.offset - (ctx.offset + start + short.length + 1) : 0;
    if (v.unknown || (known && delta >= -128 && delta <= 127)) {
      bytes(e, short);
      e.byte(delta);
      return;
    }
    if ((target.short || near.length === 0) && !ctx.checkRanges) {
      bytes(e, short);
      e.byte(0);
      return;
    }
    if (target.short || near.length === 0) {
      if (!known) ctx.fail(v.seg === NO_SEG ? "short jump to an absolute address" : "short jump to a label in another section or an external symbol");
      ctx.fail(`short jump is out of range (${delta} bytes)`);
    }
  }
  if (near.length === 0) invalid(ctx);
  bytes(e, near);
  const end = e.length + 4;
  if (v.unknown) {
    e.value(v, 4);
  } else if (v.seg === ctx.section) {
    e.value({ offset: v.offset - (ctx.offset + end), seg: NO_SEG, unknown: false }, 4);
  } else if (v.seg === NO_SEG) {
    ctx.fail("jump or call to an absolute address (use a label or an extern symbol)");
  } else {
    // Another section or an extern: S + A - P, with A = offset - 4 (the field is the last 4 bytes).
    e.reloc({ at: e.length, type: R_386_PC32, seg: v.seg });
    const a = v.offset - 4;
    e.byte(a);
    e.byte(a >>> 8);
    e.byte(a >>> 16);
    e.byte(a >>> 24);
  }
}
