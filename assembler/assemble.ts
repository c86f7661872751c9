// Statements -> ObjectFile: sections, symbols, multi-pass layout, relocations.
//
// Layout works the way NASM's does. Every pass walks all statements, defining
// labels as it meets them; expressions see the current pass's value of labels
// already passed and the previous pass's value of labels ahead. Instruction
// sizes follow from those values (short or near jumps, imm8 or imm32, disp8 or
// disp32), so passes repeat until no symbol moves; the first pass is optimistic
// about jumps to labels not seen yet (short), as NASM is. A last pass then emits
// the bytes and relocations with values that are known to be consistent.

import { ByteBuffer } from "../common/byte-buffer.js";
import { DiagnosticError, fail, type SourceLocation } from "../common/diagnostics.js";
import { originNotes, type LineOrigin } from "./lexer.js";
import {
  SHT_NOBITS, R_386_16, R_386_32, R_386_8,
  type ObjectFile, type ObjectSection, type ObjectSymbol, type Relocation, type SymbolType,
} from "../elf/types.js";
import type { DataItem, Expr, Instruction, Label, Statement } from "./statements.js";
import { constant, evaluate, EXTERN_BASE, isConstantExpr, NO_SEG, type EvalContext, type Value } from "./expressions.js";
import { CONDITIONS, encodedSize, encodeInstruction, encodeInto, type EncodeContext, type Encoded, type RelocRequest } from "./encoder.js";
import { sectionAttributes } from "./sections.js";
import { isConstantOperand, RunBuilder, type AsmStatement, type ByteRun } from "./byte-runs.js";

interface Section {
  name: string;
  type: number;
  flags: number;
  align: number;
  /** Location counter during a pass. */
  size: number;
  /** Final-pass output. */
  bytes: ByteBuffer;
  relocs: { offset: number; type: number; seg: number }[];
  entsize: number;
  /** Order in which section directives created it (Infinity: only used implicitly). */
  declared: number;
}

interface SymbolEntry {
  name: string;
  value: Value;
  kind: "label" | "equ" | "extern";
  /** Source order of the first definition: NASM writes symbols in this order. */
  order: number;
  /** Pass in which it was last defined (to catch duplicates). */
  pass: number;
  loc?: SourceLocation;
  type: SymbolType;
  /** Referenced by a relocation (externs are written only then). */
  used: boolean;
}


export interface AssembleOptions {
  /** The source line a statement's location came from, for the excerpt under error messages. */
  origin?: (loc: SourceLocation) => LineOrigin | undefined;
  /** Called in the final pass with each instruction's section, offset and size (debug line tables). */
  placed?: (ins: Instruction, section: string, offset: number, size: number) => void;
}

/** The arguments of one `placed` call. */
type PlacedCall = Parameters<NonNullable<AssembleOptions["placed"]>>;

const MAX_PASSES = 200;
/** The most a section may hold in a tentative final pass (see Assembler.writes). */
const TENTATIVE_LIMIT = 16 << 20;
/** An upper bound of one instruction's length (x86 allows 15 bytes). */
const MAX_INSTRUCTION_LENGTH = 15;

export function assembleStatements(statements: Statement[], fileName: string, options: AssembleOptions = {}): ObjectFile {
  // `placed` wants every instruction: no runs then.
  if (options.placed) return new Assembler(statements, new ByteBuffer(), fileName, options).run();
  const runs = new RunBuilder();
  for (let i = 0; i < statements.length; i++) runs.push(statements[i]!);
  return assembleRuns(runs, fileName, options);
}

/** Assembles statements already folded into byte runs (see byte-runs.ts). */
export function assembleRuns(runs: RunBuilder, fileName: string, options: AssembleOptions = {}): ObjectFile {
  return new Assembler(runs.statements, runs.pool, fileName, options).run();
}

class Assembler {
  private readonly sections: Section[] = [];
  private readonly sectionIndex = new Map<string, number>();
  private readonly symbols = new Map<string, SymbolEntry>();
  private readonly externs: string[] = [];
  private readonly globals = new Map<string, Declared>();
  /** `static name:type size`: a local symbol's ELF type and size. */
  private readonly statics = new Map<string, Declared>();
  private order = 0;
  private declarations = 0;
  private pass = 0;
  private final = false;
  /** The final pass's work done in pass 2, kept only if no symbol moves (tentativeFinalPass). */
  private tentative = false;
  /** A tentative final pass that stopped writing (see writes). */
  private abandoned = false;
  /** `placed` calls of a tentative final pass, made once it stands. */
  private placedCalls: PlacedCall[] | undefined;
  private changed = false;
  private current = -1; // current section
  /** In `absolute` space (struc layouts): its start and location counter; null in a section. */
  private absolute: { start: number; offset: number } | null = null;
  private loc: SourceLocation | undefined;
  /** Per top-level statement: what never changes between passes (by statement index). */
  private readonly infos: (InstructionInfo | undefined)[] = [];
  private readonly labels: (SymbolEntry | undefined)[] = [];
  /** The same for instructions inside `times`. */
  private readonly nestedInfos = new Map<Instruction, InstructionInfo>();
  private readonly evalCtx: EvalContext;
  private readonly encodeCtx: EncodeContext;

  constructor(
    private readonly statements: AsmStatement[], private readonly pool: ByteBuffer, private readonly fileName: string,
    private readonly options: AssembleOptions,
  ) {
    this.evalCtx = {
      symbol: (name) => this.lookup(name),
      here: () => (this.absolute ? constant(this.absolute.offset) : { offset: this.here, seg: this.section(), unknown: false }),
      sectionStart: () => (this.absolute ? constant(this.absolute.start) : { offset: 0, seg: this.section(), unknown: false }),
      error: (m) => this.error(m),
    };
    const self = this;
    this.encodeCtx = {
      get section() {
        return self.current;
      },
      offset: 0,
      checkRanges: false,
      eval: (e: Expr) => {
        const v = evaluate(e, this.evalCtx);
        if (v.unknown || (v.seg === NO_SEG && !isConstantExpr(e))) this.sizeMayChange = true;
        return v;
      },
      fail: (m: string) => this.error(m),
    };
  }

  private here = 0;
  /** Set while encoding when an operand's value is unknown or a number computed from symbols. */
  private sizeMayChange = false;

  /** Fails at `loc` (by default the current statement); `at` is the statement location whose line to show. */
  private error(message: string, loc = this.loc, at = loc): never {
    const origin = at ? this.options.origin?.(at) : undefined;
    fail(message, loc, origin && loc ? { notes: originNotes(origin, loc.column) } : {});
  }

  run(): ObjectFile {
    let steps: Step[] | undefined;
    for (;;) {
      this.pass++;
      this.changed = false;
      // Pass 2 also writes the output (see tentativeFinalPass); if no symbol moves in
      // it, which is the usual case, that output is final and no further pass is needed.
      // Two full passes settle what can be settled (every symbol is known after the
      // first); later passes only need labels, jumps and what still varies.
      if (this.pass === 2) {
        if (this.tentativeFinalPass()) return this.objectFile();
      } else if (this.pass === 1) this.walk();
      else this.walkSteps((steps ??= this.compileSteps()));
      if (!this.changed && this.pass > 1) break;
      if (this.pass > MAX_PASSES) this.error("layout does not settle (jumps keep changing size)", undefined);
    }
    this.final = true;
    this.pass++;
    this.walk();
    return this.objectFile();
  }

  /**
   * Walks pass 2 the way the final pass does (encoding and emitting everything) and
   * returns whether that output stands. It does when no symbol moved during the pass:
   * every value it used is then the value the final pass would use, so its bytes are the
   * final pass's bytes. Otherwise the output is dropped and pass 2 counts as the ordinary
   * layout pass it stands for:
   * - a symbol that moves, or a write that would take a section past TENTATIVE_LIMIT
   *   bytes (a count may be huge only with the first pass's values), turns the rest of the
   *   pass into a layout pass, whose own errors are reported as before;
   * - an error while it is still a final pass may come from values that are not settled
   *   yet (a value out of range with the first pass's label values). No symbol has moved
   *   then (a move ends final mode), so pass 2 is walked again as a layout pass, and the
   *   final pass reports the error if it is real.
   */
  private tentativeFinalPass(): boolean {
    this.final = true;
    this.tentative = true;
    this.abandoned = false;
    const placed = this.options.placed;
    const calls: PlacedCall[] = [];
    if (placed) this.placedCalls = calls;
    let failed = false;
    try {
      this.walk();
    } catch (e) {
      if (!(e instanceof DiagnosticError) || !this.final) throw e;
      failed = true;
    } finally {
      this.final = false;
      this.tentative = false;
      this.placedCalls = undefined;
    }
    if (!failed && !this.changed && !this.abandoned) {
      if (placed) for (const c of calls) placed(...c);
      return true;
    }
    for (const sec of this.sections) {
      sec.bytes = new ByteBuffer();
      sec.relocs = [];
    }
    if (failed) {
      // A new pass number: the labels met before the error are no duplicates.
      this.pass++;
      this.changed = false;
      this.walk();
    }
    return false;
  }

  /**
   * Whether this pass writes `n` more bytes to `sec`. A tentative final pass stops writing
   * (and goes on as a layout pass) rather than take a section past TENTATIVE_LIMIT.
   */
  private writes(sec: Section, n: number): boolean {
    if (!this.final) return false;
    if (this.tentative && sec.bytes.length + n > TENTATIVE_LIMIT) {
      this.final = false;
      this.abandoned = true;
      return false;
    }
    return true;
  }

  /** The absolute space we are in, if any (a method so that narrowing after a reset does not apply). */
  private absoluteSpace(): { start: number; offset: number } | null {
    return this.absolute;
  }

  private section(): number {
    if (this.current < 0) this.current = this.openSection(".text", [], undefined, false);
    return this.current;
  }

  /**
   * The section `name`, created on first use. `declared` is false for the implicit .text
   * of code before any section directive: nasm creates that one only when it first
   * writes to it, after every section a directive created, so it is ordered last
   * unless a `section .text` directive comes along.
   */
  private openSection(name: string, attributes: string[], loc: SourceLocation | undefined, declared: boolean): number {
    const existing = this.sectionIndex.get(name);
    if (existing !== undefined) {
      const sec = this.sections[existing]!;
      if (declared && sec.declared === Infinity) sec.declared = this.declarations++;
      return existing;
    }
    const { type, flags, align, entsize } = sectionAttributes(name, attributes, (m) => this.error(m, loc));
    const index = this.sections.length;
    this.sections.push({ name, type, flags, align, size: 0, bytes: new ByteBuffer(), relocs: [], entsize, declared: declared ? this.declarations++ : Infinity });
    this.sectionIndex.set(name, index);
    return index;
  }

  private nestedInfo(ins: Instruction): InstructionInfo {
    const info = instructionInfo(ins);
    this.nestedInfos.set(ins, info);
    return info;
  }

  /** The statement's location moved to where `name` (or its local part) is written on the line, if found. */
  private columnOf(name: string): SourceLocation | undefined {
    const loc = this.loc;
    const line = loc ? this.options.origin?.(loc)?.text : undefined;
    if (!loc || line === undefined) return loc;
    const dot = name.indexOf(".", 1);
    for (const written of dot > 0 ? [name, name.slice(dot)] : [name]) {
      const m = new RegExp(`(?<![\\w.?@$#~])${written.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\w.?@$#~])`).exec(line);
      if (m) return { ...loc, column: m.index + 1 };
    }
    return loc;
  }

  private lookup(name: string): Value | undefined {
    const s = this.symbols.get(name);
    if (s && (s.pass > 0)) return s.value;
    if (this.final) this.error(`symbol '${name}' is not defined`, this.columnOf(name), this.loc);
    return undefined;
  }

  /** Defines (or redefines, on a later pass) a label or equ. */
  private define(name: string, value: Value, kind: "label" | "equ", loc: SourceLocation | undefined): void {
    let s = this.symbols.get(name);
    if (!s) {
      s = { name, value, kind, order: this.order++, pass: this.pass, loc, type: "notype", used: false };
      this.symbols.set(name, s);
      this.changed = true;
      return;
    }
    if (s.kind === "extern") this.error(`'${name}' is declared extern and defined here`, loc);
    this.redefine(s, value, loc);
  }

  /** A symbol's definition met again: a duplicate in the same pass, or a new value in a later one. */
  private redefine(s: SymbolEntry, value: Value, loc: SourceLocation | undefined): void {
    if (s.pass === this.pass) {
      const where = s.loc ? ` (first defined at ${s.loc.file}(${s.loc.line},${s.loc.column}))` : "";
      this.error(`symbol '${s.name}' is defined twice${where}`, loc);
    }
    s.pass = this.pass;
    const old = s.value;
    if (old.offset !== value.offset || old.seg !== value.seg || old.unknown !== value.unknown) {
      this.changed = true;
      // A tentative final pass cannot stand once a symbol moves: the rest of it is an ordinary layout pass.
      if (this.tentative) this.final = false;
      // The final pass re-walks a settled layout: a move here is a bug in ts386, not in the input.
      if (this.final) throw new Error(`assembler layout: '${s.name}' moved in the final pass (${loc ? `${loc.file}:${loc.line}` : "?"})`);
    }
    s.value = value;
  }

  // ---------------------------------------------------------------------------
  // One pass over all statements.

  /** The statements reduced to what a relaxation pass needs (see Step). */
  private compileSteps(): Step[] {
    const steps: Step[] = [];
    const fixed = (size: number) => {
      const last = steps[steps.length - 1];
      if (last && last.kind === STEP_FIXED) last.size += size;
      else steps.push({ kind: STEP_FIXED, size, index: -1, entry: undefined, info: undefined });
    };
    this.statements.forEach((st, i) => {
      switch (st.kind) {
        case "instruction": {
          const info = this.infos[i]!;
          if (info.jump) steps.push({ kind: STEP_JUMP, size: 0, index: i, entry: undefined, info });
          else if (info.fixed) fixed(info.fixed.bytes.length);
          else if (info.size !== undefined) fixed(info.size);
          else steps.push({ kind: STEP_OTHER, size: 0, index: i, entry: undefined, info });
          return;
        }
        case "label":
          steps.push({ kind: STEP_LABEL, size: 0, index: i, entry: this.labels[i], info: undefined });
          return;
        case "bytes":
          fixed(st.length);
          return;
        case "data":
          fixed(st.items.reduce((n, item) => n + (item.kind === "string" ? Math.ceil(item.bytes.length / st.width) * st.width : st.width), 0));
          return;
        case "global":
        case "static":
        case "extern":
        case "bits":
        case "comment":
          return; // no effect after the first pass
        default:
          steps.push({ kind: STEP_OTHER, size: 0, index: i, entry: undefined, info: undefined });
      }
    });
    return steps;
  }

  private walkSteps(steps: Step[]): void {
    for (const s of this.sections) s.size = 0;
    this.current = -1;
    this.absolute = null;
    const pass = this.pass;
    for (let k = 0; k < steps.length; k++) {
      const step = steps[k]!;
      switch (step.kind) {
        case STEP_FIXED:
          this.sections[this.section()]!.size += step.size;
          break;
        case STEP_LABEL: {
          const abs = this.absoluteSpace();
          const sec = abs ? NO_SEG : this.section();
          const offset = abs ? abs.offset : this.sections[sec]!.size;
          const entry = step.entry!;
          if (entry.pass !== pass && entry.value.offset === offset && entry.value.seg === sec && !entry.value.unknown) entry.pass = pass;
          else this.redefine(entry, { offset, seg: sec, unknown: false }, (this.statements[step.index] as Label).loc);
          break;
        }
        case STEP_JUMP: {
          this.sizeJump(step.info!.jump!);
          break;
        }
        default: {
          const st = this.statements[step.index]!;
          if (step.info) {
            this.loc = (st as Instruction).loc;
            this.here = this.current >= 0 ? this.sections[this.current]!.size : 0;
            this.instruction(st as Instruction, step.info);
          } else this.statement(st);
        }
      }
    }
  }

  private walk(): void {
    for (const s of this.sections) s.size = 0;
    this.current = -1;
    this.absolute = null;
    const statements = this.statements;
    for (let i = 0; i < statements.length; i++) {
      const st = statements[i]!;
      // The two statements every pass is mostly made of take a path with cached lookups.
      if (st.kind === "instruction") {
        this.loc = st.loc;
        this.here = this.current >= 0 ? this.sections[this.current]!.size : 0;
        this.instruction(st, this.infos[i] ??= instructionInfo(st));
      } else if (st.kind === "label") {
        this.loc = st.loc;
        const abs = this.absoluteSpace();
        const sec = abs ? NO_SEG : this.section();
        const offset = abs ? abs.offset : this.sections[sec]!.size;
        const entry = this.labels[i];
        if (entry && entry.pass !== this.pass && entry.value.offset === offset && entry.value.seg === sec && !entry.value.unknown) {
          entry.pass = this.pass; // unchanged: the common case, without allocating
        } else if (entry) this.redefine(entry, { offset, seg: sec, unknown: false }, st.loc);
        else {
          this.define(st.name, { offset, seg: sec, unknown: false }, "label", st.loc);
          this.labels[i] = this.symbols.get(st.name);
        }
      } else if (st.kind === "bytes") {
        this.loc = st.loc;
        this.byteRun(st);
      } else this.statement(st);
    }
  }

  /** Consecutive constant instructions, encoded once (byte-runs.ts). */
  private byteRun(run: ByteRun): void {
    if (this.absolute) this.error("instruction in absolute space (use 'section' to leave it)");
    const sec = this.sections[this.section()]!;
    if (this.writes(sec, run.length)) {
      if (sec.type === SHT_NOBITS) this.error(`instruction in the NOBITS section '${sec.name}'`);
      sec.bytes.pushRange(this.pool.data, run.start, run.start + run.length);
    }
    sec.size += run.length;
  }

  private statement(st: AsmStatement, inTimes = false): void {
    if (st.kind !== "comment") this.loc = st.loc;
    // `$` is the start of the line; in a times body, the start of the whole times line (as in NASM).
    if (!inTimes && this.current >= 0) this.here = this.sections[this.current]!.size;
    else if (!inTimes) this.here = 0;
    switch (st.kind) {
      case "label": {
        const sec = this.absolute ? NO_SEG : this.section();
        const offset = this.absolute ? this.absolute.offset : this.sections[sec]!.size;
        this.define(st.name, { offset, seg: sec, unknown: false }, "label", st.loc);
        return;
      }
      case "absolute": {
        const at = this.constant(st.address, "an absolute address");
        this.absolute = { start: at, offset: at };
        return;
      }
      case "instruction":
        return this.instruction(st, this.nestedInfos.get(st) ?? this.nestedInfo(st));
      case "section":
        this.absolute = null;
        this.current = this.openSection(st.name, st.attributes, st.loc, true);
        return;
      case "bits":
        if (st.bits !== 32) this.error("only BITS 32 is supported");
        return;
      case "global":
      case "static":
        // The size is evaluated once all labels are known (objectFile), with `$` the symbol's own address as nasm does.
        if (this.pass === 1) {
          const table = st.kind === "global" ? this.globals : this.statics;
          st.names.forEach((n, i) => {
            const [name, attr] = n.split(":") as [string, string | undefined];
            const size = st.sizes?.[i];
            table.set(name, { type: symbolType(attr, (m) => this.error(m)), loc: st.loc, ...(size ? { size } : {}) });
          });
        }
        return;
      case "extern":
        if (this.pass === 1) {
          for (const n of st.names) {
            const [name, attr] = n.split(":") as [string, string | undefined];
            const s = this.symbols.get(name);
            if (s) {
              if (s.kind !== "extern") this.error(`'${name}' is defined in this file and cannot also be extern`);
              continue;
            }
            const id = this.externs.length;
            this.externs.push(name);
            this.symbols.set(name, {
              name, value: { offset: 0, seg: EXTERN_BASE + id, unknown: false }, kind: "extern", order: this.order++,
              pass: this.pass, loc: st.loc, type: symbolType(attr, (m) => this.error(m)), used: false,
            });
          }
        }
        return;
      case "equ": {
        const v = evaluate(st.expr, this.evalCtx);
        this.define(st.name, v, "equ", st.loc);
        return;
      }
      case "data":
        return this.data(st.width, st.items);
      case "reserve": {
        const count = this.constant(st.count, "the count of a res directive");
        if (count < 0) this.error(`cannot reserve a negative amount (${count})`);
        this.space(count * st.width, 0);
        return;
      }
      case "align": {
        const n = this.constant(st.alignment, "an alignment");
        if (n <= 0 || (n & (n - 1)) !== 0) this.error(`alignment ${n} is not a power of two`);
        if (this.absolute) {
          this.space((n - (this.absolute.offset % n)) % n, 0);
          return;
        }
        const sec = this.sections[this.section()]!;
        if (n > sec.align) sec.align = n;
        const pad = (n - (sec.size % n)) % n;
        this.space(pad, st.fill === "zero" ? 0 : 0x90);
        return;
      }
      case "times": {
        const count = this.constant(st.count, "the count of times");
        if (count < 0) this.error(`times count ${count} is negative`);
        for (let i = 0; i < count; i++) this.statement(st.body, true);
        this.loc = st.loc;
        return;
      }
      case "bytes":
        return this.byteRun(st);
      case "comment":
        return;
    }
  }

  /** A value that must be a plain number (no label, known in this pass). */
  private constant(e: Expr, what: string): number {
    const v = evaluate(e, this.evalCtx);
    if (v.unknown) return 0; // only before the final pass, where lookup() reports undefined symbols
    if (v.seg !== NO_SEG) this.error(`${what} must be a constant, not an address`);
    return v.offset;
  }

  /** Reserved or padding space: zeros (or `fill`) in PROGBITS, just size in NOBITS. */
  private space(n: number, fill: number): void {
    if (this.absolute) {
      this.absolute.offset += n;
      return;
    }
    const sec = this.sections[this.section()]!;
    sec.size += n;
    if (sec.type !== SHT_NOBITS && this.writes(sec, n)) sec.bytes.fill(n, fill);
  }

  private data(width: 1 | 2 | 4 | 8, items: DataItem[]): void {
    if (this.absolute) this.error("data in absolute space (only labels and resb/resw/resd; use 'section' to leave it)");
    const sec = this.sections[this.section()]!;
    if (sec.type === SHT_NOBITS) this.error(`initialised data in the NOBITS section '${sec.name}' (use resb/resw/resd)`);
    for (const item of items) {
      if (item.kind === "string") {
        const padded = Math.ceil(item.bytes.length / width) * width;
        if (this.writes(sec, padded)) {
          sec.bytes.push(item.bytes);
          sec.bytes.fill(padded - item.bytes.length, 0);
        }
        sec.size += padded;
        continue;
      }
      if (this.writes(sec, width)) {
        const v = evaluate(item.expr, this.evalCtx);
        this.writeValue(sec, v, width);
      }
      sec.size += width;
    }
  }

  private writeValue(sec: Section, v: Value, width: 1 | 2 | 4 | 8): void {
    if (width === 8) {
      // dq: an address is an R_386_32 zero-extended to 64 bits (as nasm writes it);
      // a number must be exact (a lone literal of any size is exact: see the parser).
      if (v.seg !== NO_SEG) {
        this.writeValue(sec, v, 4);
        sec.bytes.fill(4, 0);
        return;
      }
      if (!Number.isSafeInteger(v.offset)) this.error(`dq value ${v.offset} is beyond exact 64-bit arithmetic here; write it as a single number literal`);
      let b = BigInt.asUintN(64, BigInt(v.offset));
      const out: number[] = [];
      for (let i = 0; i < 8; i++, b >>= 8n) out.push(Number(b & 0xffn));
      sec.bytes.push(out);
      return;
    }
    if (v.seg !== NO_SEG) {
      sec.relocs.push({ offset: sec.bytes.length, type: width === 4 ? R_386_32 : width === 2 ? R_386_16 : R_386_8, seg: v.seg });
    } else if (v.offset < -(2 ** (width * 8 - 1)) || v.offset >= 2 ** (width * 8)) {
      this.error(`value ${v.offset} does not fit in ${width * 8} bits`);
    }
    const n = v.offset;
    const out = [n & 0xff];
    if (width >= 2) out.push((n >>> 8) & 0xff);
    if (width === 4) out.push((n >>> 16) & 0xff, (n >>> 24) & 0xff);
    sec.bytes.push(out);
  }

  /** A relative jump's size in a layout pass: short when the target is in reach (or unknown), else near. */
  private sizeJump(jump: NonNullable<InstructionInfo["jump"]>): void {
    const secIndex = this.section();
    const sec = this.sections[secIndex]!;
    let size = jump.near;
    if (jump.short !== jump.near) {
      const target = jump.entry ?? (jump.entry = this.symbols.get(jump.name));
      if (!target || target.value.unknown) size = jump.short;
      else if (target.value.seg === secIndex) {
        const delta = target.value.offset - (sec.size + jump.short);
        if (delta >= -128 && delta <= 127) size = jump.short;
      }
    }
    sec.size += size;
  }

  private instruction(ins: Instruction, info: InstructionInfo = instructionInfo(ins)): void {
    if (this.absolute) this.error("instruction in absolute space (use 'section' to leave it)");
    const secIndex = this.section();
    const sec = this.sections[secIndex]!;
    if (info.jump && !this.final) {
      // Only the size matters before the final pass.
      this.sizeJump(info.jump);
      return;
    }
    if (info.size !== undefined && !this.final) {
      sec.size += info.size;
      return;
    }
    const fixed = info.fixed;
    if (fixed) {
      if (this.writes(sec, fixed.bytes.length)) this.write(sec, ins, fixed);
      sec.size += fixed.bytes.length;
      return;
    }
    this.encodeCtx.offset = sec.size;
    this.sizeMayChange = false;
    if (info.constant) {
      // Values that never change: out of range in any pass.
      this.encodeCtx.checkRanges = true;
      const enc = (info.fixed = encodeInstruction(ins, this.encodeCtx));
      if (this.writes(sec, enc.bytes.length)) this.write(sec, ins, enc);
      sec.size += enc.bytes.length;
      return;
    }
    // Values that depend on labels may be out of range only in an unsettled pass (decided
    // after writes(), which may turn a tentative final pass into a layout pass).
    const emit = this.writes(sec, MAX_INSTRUCTION_LENGTH);
    this.encodeCtx.checkRanges = emit;
    let size: number;
    if (emit) {
      // Encoded straight into the section (encoding errors come before the placement's).
      const start = sec.bytes.length;
      const relocs = encodeInto(ins, this.encodeCtx, sec.bytes);
      size = sec.bytes.length - start;
      this.place(sec, ins, start, size, relocs);
    } else size = encodedSize(ins, this.encodeCtx);
    // Operands that are plain addresses always take the 32-bit forms: the size is settled.
    if (!this.sizeMayChange && !info.relative) info.size = size;
    sec.size += size;
  }

  /** Final pass: writes an encoding kept from an earlier pass at the end of `sec`. */
  private write(sec: Section, ins: Instruction, enc: Encoded): void {
    const start = sec.bytes.length;
    sec.bytes.push(enc.bytes);
    this.place(sec, ins, start, enc.bytes.length, enc.relocs);
  }

  /** Final pass: the instruction whose `size` bytes were written at `start` of `sec`: its place and relocations. */
  private place(sec: Section, ins: Instruction, start: number, size: number, relocs: readonly RelocRequest[]): void {
    if (sec.type === SHT_NOBITS) this.error(`instruction in the NOBITS section '${sec.name}'`);
    if (this.placedCalls) this.placedCalls.push([ins, sec.name, start, size]);
    else this.options.placed?.(ins, sec.name, start, size);
    for (let i = 0; i < relocs.length; i++) {
      const r = relocs[i]!;
      sec.relocs.push({ offset: start + r.at, type: r.type, seg: r.seg });
    }
  }

  // ---------------------------------------------------------------------------
  // The object file, in NASM's order: file symbol, section symbols, locals in
  // definition order, then globals and used externs in definition order.

  /** A declared symbol's st_size: in nasm, `$` and `$$` in the size expression are the symbol's own address and section start. */
  private symbolSize(s: SymbolEntry, d: Declared): number {
    if (!d.size || s.kind === "extern") return 0;
    this.loc = d.loc;
    const ctx: EvalContext = {
      ...this.evalCtx,
      here: () => s.value,
      sectionStart: () => ({ offset: 0, seg: s.value.seg, unknown: false }),
    };
    const v = evaluate(d.size, ctx);
    if (v.seg !== NO_SEG) this.error("a symbol size must be a constant, not an address");
    return v.offset >>> 0;
  }

  private objectFile(): ObjectFile {
    // Output order: by declaration (see openSection); `place[i]` is section i's position.
    const byOrder = this.sections.map((s, i) => ({ s, i })).sort((a, b) => a.s.declared - b.s.declared || a.i - b.i);
    const place: number[] = [];
    byOrder.forEach(({ i }, k) => (place[i] = k));
    const sections: ObjectSection[] = byOrder.map(({ s }) => ({
      name: s.name, type: s.type, flags: s.flags, align: s.align,
      data: s.type === SHT_NOBITS ? new Uint8Array(0) : s.bytes.finish(),
      size: s.size, relocations: [], entsize: s.entsize,
    }));
    const symbols: ObjectSymbol[] = [];
    symbols.push({ name: this.fileName, value: 0, size: 0, binding: "local", type: "file", section: { kind: "absolute" } });
    const sectionSymbol: number[] = [];
    byOrder.forEach(({ s, i }) => {
      sectionSymbol[i] = symbols.length;
      symbols.push({ name: s.name, value: 0, size: 0, binding: "local", type: "section", section: { kind: "section", index: place[i]! } });
    });
    // Mark externs that relocations use.
    for (const s of this.sections) {
      for (let i = 0; i < s.relocs.length; i++) {
        const seg = s.relocs[i]!.seg;
        if (seg >= EXTERN_BASE) this.symbols.get(this.externs[seg - EXTERN_BASE]!)!.used = true;
      }
    }
    const all = [...this.symbols.values()].sort((a, b) => a.order - b.order);
    // Whether each symbol is global, looked up once.
    const global = all.map((s) => s.kind === "extern" || this.globals.has(s.name));
    const toObject = (s: SymbolEntry, isGlobal: boolean): ObjectSymbol => {
      const g = this.globals.get(s.name) ?? (s.kind === "extern" ? undefined : this.statics.get(s.name));
      const section: ObjectSymbol["section"] = s.kind === "extern" ? { kind: "undefined" }
        : s.value.seg === NO_SEG ? { kind: "absolute" } : { kind: "section", index: place[s.value.seg]! };
      return {
        name: s.name, value: s.kind === "extern" ? 0 : s.value.offset >>> 0, size: g ? this.symbolSize(s, g) : 0, binding: isGlobal ? "global" : "local",
        type: g?.type ?? s.type, section,
      };
    };
    for (let i = 0; i < all.length; i++) if (!global[i]) symbols.push(toObject(all[i]!, false));
    const externSymbol = new Map<number, number>();
    for (let i = 0; i < all.length; i++) {
      const s = all[i]!;
      if (!global[i] || (s.kind === "extern" && !s.used)) continue;
      if (s.kind === "extern") externSymbol.set(s.value.seg, symbols.length);
      symbols.push(toObject(s, true));
    }
    this.sections.forEach((s, i) => {
      sections[place[i]!]!.relocations = s.relocs.map((r): Relocation => ({
        offset: r.offset, type: r.type, symbol: r.seg >= EXTERN_BASE ? externSymbol.get(r.seg)! : sectionSymbol[r.seg]!,
      }));
    });
    return { name: this.fileName, sections, symbols };
  }
}

/** A `global`/`static` declaration: ELF type, and the size expression if any. */
interface Declared {
  type: SymbolType;
  loc?: SourceLocation;
  size?: Expr;
}

/** The ELF type named after `global name:` / `extern name:`. */
function symbolType(attr: string | undefined, error: (m: string) => never): SymbolType {
  if (attr === undefined || attr === "notype") return "notype";
  if (attr === "function") return "func";
  if (attr === "data" || attr === "object") return "object";
  return error(`unknown symbol type '${attr}' (function, data or notype)`);
}

/** One step of a relaxation pass: a run of bytes whose size is settled, a label, a jump, or anything else. */
const STEP_FIXED = 0;
const STEP_LABEL = 1;
const STEP_JUMP = 2;
const STEP_OTHER = 3;
interface Step {
  kind: number;
  size: number;
  index: number;
  entry: SymbolEntry | undefined;
  info: InstructionInfo | undefined;
}

/** What the layout passes need to know about an instruction, computed once. */
interface InstructionInfo {
  /** No symbol and no `$` in any operand: the encoding never changes. */
  constant: boolean;
  fixed: Encoded | undefined;
  /** Size that no longer depends on symbol values (operands are plain addresses). */
  size: number | undefined;
  /** A branch to a label (its size depends on the distance). */
  relative: boolean;
  /** A jump or call to a label: its possible sizes (equal when it cannot relax). */
  jump: { name: string; short: number; near: number; entry: SymbolEntry | undefined } | undefined;
}

function instructionInfo(ins: Instruction): InstructionInfo {
  const op = ins.operands[0];
  const m = ins.mnemonic;
  const branch = m === "jmp" || m === "call" || m.startsWith("j") || m.startsWith("loop");
  const info: InstructionInfo = {
    constant: ins.operands.every(isConstantOperand), relative: branch && op?.kind === "imm", fixed: undefined, size: undefined, jump: undefined,
  };
  if (ins.prefixes.length > 0 || ins.operands.length !== 1 || op!.kind !== "imm" || op.expr.kind !== "sym") return info;
  // Plain assignments: a destructuring of a list literal runs (and compiles) the iterator protocol.
  let short = 2;
  let near = 6;
  if (m === "jmp") near = 5;
  else if (m === "call") short = near = 5;
  else if (!(m.startsWith("j") && CONDITIONS.has(m.slice(1)))) return info;
  if (op.near) short = near;
  if (op.short) near = short;
  info.jump = { name: op.expr.name, short, near, entry: undefined };
  return info;
}
