// Preprocessed lines -> Statements (the model in statements.ts).
//
// A line is `[label[:]] [times N] [prefix...] mnemonic operands` or a directive
// (section, bits, global, extern, equ, db/dw/dd, resb/resw/resd, align/alignb,
// also in [brackets]). Local labels (".loop") are qualified here with the last
// non-local label, so the statements carry full names.

import type { DataItem, Expr, Operand, OperandSize, Reg32, SegReg, Statement } from "./statements.js";
import type { SourceLocation } from "../common/diagnostics.js";
import { parseBigNumber, tokenize, type LineOrigin, type Token } from "./lexer.js";
import { evaluate, isConstantExpr, parseExpr, TokenCursor } from "./expressions.js";
import { isOtherNasmRegister, registerInfo } from "./registers.js";
import { MNEMONICS, PREFIXES } from "./encoder.js";
import type { SourceLine } from "./preprocess.js";
import { FileLine, type FileLines } from "./source-lines.js";

// Maps, not object literals: a name such as `constructor` must not find Object.prototype's.
const SIZE_WORDS = new Map<string, OperandSize>([["byte", 8], ["word", 16], ["dword", 32], ["qword", 64]]);
const OPERAND_WORDS = new Set(["strict", "short", "near", "far", "tword", "oword", "yword", "seg", "wrt", "abs", "rel", "nosplit", "incbin"]);
const NO_PREFIXES: string[] = Object.freeze([]) as unknown as string[];
const NO_OPERANDS: Operand[] = Object.freeze([]) as unknown as Operand[];
const DATA_WIDTH = new Map<string, 1 | 2 | 4 | 8>([["db", 1], ["dw", 2], ["dd", 4], ["dq", 8]]);
const RESERVE_WIDTH = new Map<string, 1 | 2 | 4 | 8>([["resb", 1], ["resw", 2], ["resd", 4], ["resq", 8]]);
const DIRECTIVES = new Set(["section", "segment", "bits", "use32", "use16", "global", "extern", "equ", "times", "align", "alignb", "cpu", "default", "org", "absolute", "common", "static", "incbin", "dt", "rest", "ddq", "do", "reso", "dy", "resy"]);

/** Names the parser reads as keywords rather than labels. */
export function isReservedWord(word: string): boolean {
  const w = word.toLowerCase();
  return MNEMONICS.has(w) || PREFIXES.has(w) || DIRECTIVES.has(w) || DATA_WIDTH.has(w) || RESERVE_WIDTH.has(w) || SIZE_WORDS.has(w) ||
    OPERAND_WORDS.has(w) || registerInfo(w) !== undefined;
}

/** Instruction, prefix or directive names (what may follow a label written without a colon). */
function isKeyword(word: string): boolean {
  return isReservedWord(word) && registerInfo(word.toLowerCase()) === undefined;
}

/**
 * The source line of each statement location. Recorded for every statement but
 * read only when an error needs an excerpt, so appending to two arrays (cheap)
 * beats a Map keyed by object (hashing every location); lookup is a linear scan.
 */
export class LocationOrigins {
  private readonly locs: SourceLocation[] = [];
  private readonly origins: LineOrigin[] = [];
  /** Files whose lines are found again from a location alone (see add). */
  private readonly files = new Map<string, FileLines>();
  add(loc: SourceLocation, origin: LineOrigin): void {
    // A line exactly as its file has it is made again from the location when an error
    // needs it: keeping it (and its text) for every statement made work for the GC.
    if (origin instanceof FileLine && origin.file === loc.file && origin.line === loc.line) {
      if (this.files.get(origin.file) !== origin.source) this.files.set(origin.file, origin.source);
      return;
    }
    this.locs.push(loc);
    this.origins.push(origin);
  }
  get(loc: SourceLocation): LineOrigin | undefined {
    const i = this.locs.lastIndexOf(loc);
    return i < 0 ? this.files.get(loc.file)?.originOf(loc.line) : this.origins[i];
  }
  /** Forgets `loc` if it is the last one added (a location that can no longer be reported). */
  forget(loc: SourceLocation | undefined): void {
    // (Never `locs[-1]`: a negative index is a named-property lookup, slow on every call.)
    const last = this.locs.length - 1;
    if (loc !== undefined && last >= 0 && this.locs[last] === loc) {
      this.locs.pop();
      this.origins.pop();
    }
  }
}

/**
 * Statements from preprocessed lines. `origins`, if given, receives the line each
 * statement location came from (for error excerpts in later stages).
 */
export function parseLines(lines: SourceLine[], origins?: LocationOrigins): Statement[] {
  const statements: Statement[] = [];
  const p = new LineParser(origins, (st) => {
    statements.push(st);
    return true;
  });
  for (const line of lines) p.parseLine(line);
  return statements;
}

/**
 * Parses one line at a time and hands each statement to `emit`, which returns
 * false when the statement's location will never be reported (so it need not be kept).
 */
export class LineParser {
  constructor(private readonly origins: LocationOrigins | undefined, private readonly emit: (st: Statement) => boolean) {}
  /** The last non-local label, the parent of ".local" names. */
  private parent = "";
  private cur!: TokenCursor;
  private origin!: LineOrigin;

  private qualify = (name: string): string => {
    if (name.startsWith(".") && !name.startsWith("..")) return this.parent + name;
    return name;
  };

  private loc(col: number): SourceLocation {
    const loc = { file: this.origin.file, line: this.origin.line, column: col };
    this.origins?.add(loc, this.origin);
    return loc;
  }

  parseLine(line: SourceLine): void {
    this.origin = line.origin;
    const tokens = tokenize(line.text, line.origin);
    if (tokens.length === 0) return;
    this.cur = new TokenCursor(tokens, line.origin);
    const cur: TokenCursor = this.cur;

    // [section .text], [bits 32], [global x]: the raw forms of the directives.
    if (cur.isPunct("[") && tokens[tokens.length - 1]!.kind === "punct" && tokens[tokens.length - 1]!.text === "]") {
      this.cur = new TokenCursor(tokens.slice(1, -1), line.origin);
      this.statementBody(this.cur.peek()?.col ?? 1);
      return;
    }

    // A label: `name:` or a name that is not a keyword, followed by something or nothing.
    const first = tokens[0]!;
    if (first.kind === "id" && (cur.isPunct(":", 1) || first.escaped || !isReservedWord(first.text))) {
      const next = tokens[1];
      if (next && next.kind === "id" && next.text.toLowerCase() === "equ") {
        return this.equ(first);
      }
      if (next && next.kind === "punct" && next.text === ":" && tokens[2]?.kind === "id" && tokens[2].text.toLowerCase() === "equ") {
        cur.pos = 1;
        return this.equ(first);
      }
      const colon = next !== undefined && next.kind === "punct" && next.text === ":";
      // Without a colon, a label must stand alone or precede an instruction or directive.
      if (!colon && next && !(next.kind === "id" && isKeyword(next.text))) {
        cur.fail(`unknown instruction '${first.text}'`, first.col);
      }
      const name = this.defineLabelName(first);
      this.push({ kind: "label", name, loc: this.loc(first.col) });
      cur.pos = next && next.kind === "punct" && next.text === ":" ? 2 : 1;
      if (cur.atEnd()) return;
    }
    this.statementBody(cur.col());
  }

  /** The full name of a label being defined; a non-local label (not an equ) becomes the new parent. */
  private defineLabelName(t: Token, isEqu = false): string {
    const name = t.text;
    if (!t.escaped && registerInfo(name.toLowerCase())) this.cur.fail(`'${name}' is a register and cannot be a label`, t.col);
    if (!t.escaped && isOtherNasmRegister(name)) this.cur.fail(`'${name}' is a register name in nasm and cannot be a label (write $${name})`, t.col);
    if (name.startsWith(".") && !name.startsWith("..")) {
      if (this.parent === "") this.cur.fail(`local label '${name}' has no preceding non-local label`, t.col);
      return this.parent + name;
    }
    if (!name.startsWith("..@") && !isEqu) this.parent = name;
    return name;
  }

  private equ(nameTok: Token): void {
    const cur: TokenCursor = this.cur;
    const name = this.defineLabelName(nameTok, true);
    cur.pos++;
    if (cur.isPunct(":")) cur.pos++;
    cur.pos++; // equ
    const expr = this.expression();
    this.endOfLine();
    this.push({ kind: "equ", name, expr, loc: this.loc(nameTok.col) });
  }

  private expression(): Expr {
    return parseExpr(this.cur, this.qualify);
  }

  private endOfLine(): void {
    if (!this.cur.atEnd()) this.cur.fail(`unexpected '${this.cur.peek()!.text}'`);
  }

  /** Parses what follows the label: directive, times, or instruction; pushes it. */
  private statementBody(col: number): void {
    const s = this.statement(col);
    if (s) this.push(s);
  }

  private push(st: Statement): void {
    if (!this.emit(st) && st.kind !== "comment") this.origins?.forget(st.loc);
  }

  private statement(col: number): Statement | undefined {
    const cur: TokenCursor = this.cur;
    const t = cur.next();
    if (t.kind !== "id") cur.fail(`expected an instruction or directive, found '${t.text}'`, t.col);
    const word = t.text.toLowerCase();
    const loc = this.loc(col);
    // Most lines are instructions: skip the directive comparisons (no mnemonic is a directive name).
    if (MNEMONICS.has(word)) return this.instruction(t, loc);
    switch (word) {
      case "section":
      case "segment": {
        const nameTok = cur.next();
        if (nameTok.kind !== "id" && nameTok.kind !== "str") cur.fail("section expects a name", nameTok.col);
        const name = nameTok.kind === "str" ? String.fromCharCode(...nameTok.bytes!) : nameTok.text;
        const attributes: string[] = [];
        while (!cur.atEnd()) {
          const a = cur.next();
          if (a.kind !== "id") cur.fail(`unexpected '${a.text}' in section attributes`, a.col);
          if (cur.eatPunct("=")) {
            const v = cur.next();
            attributes.push(`${a.text.toLowerCase()}=${v.text}`);
          } else attributes.push(a.text.toLowerCase());
        }
        return { kind: "section", name, attributes, loc };
      }
      case "bits": {
        const v = cur.next();
        if (v.kind !== "num" || (v.value !== 16 && v.value !== 32)) cur.fail("BITS expects 16 or 32", v.col);
        this.endOfLine();
        return { kind: "bits", bits: v.value as 16 | 32, loc };
      }
      case "use32":
      case "use16":
        this.endOfLine();
        return { kind: "bits", bits: word === "use32" ? 32 : 16, loc };
      case "cpu":
      case "default":
        // CPU level and default addressing do not change 32-bit code (no RIP-relative in 32-bit mode).
        while (!cur.atEnd()) cur.next();
        return { kind: "comment", text: `${word}` };
      case "global":
      case "static":
      case "extern": {
        const names: string[] = [];
        const sizes: (Expr | undefined)[] = [];
        do {
          const n = cur.next();
          if (n.kind !== "id") cur.fail(`${word} expects symbol names`, n.col);
          let name = n.text;
          let size: Expr | undefined;
          if (cur.eatPunct(":")) {
            const attr = cur.next();
            if (attr.kind !== "id" || !/^(function|data|object|notype)$/i.test(attr.text)) cur.fail(`unknown symbol type '${attr.text}' (function, data or notype)`, attr.col);
            name += ":" + attr.text.toLowerCase();
            // global name:type size-expression (the ELF symbol size)
            if (!cur.atEnd() && !cur.isPunct(",")) {
              if (word === "extern") cur.fail("an extern symbol has no size");
              size = this.expression();
            }
          }
          names.push(name);
          sizes.push(size);
        } while (cur.eatPunct(","));
        this.endOfLine();
        if (word === "extern") return { kind: "extern", names, loc };
        const kind = word === "static" ? "static" : "global";
        return sizes.some((x) => x !== undefined) ? { kind, names, sizes, loc } : { kind, names, loc };
      }
      case "times": {
        const count = this.expression();
        if (cur.atEnd()) cur.fail("times needs something to repeat");
        const body = this.statement(cur.col());
        if (!body) cur.fail("times needs something to repeat");
        return { kind: "times", count, body, loc };
      }
      case "align":
      case "alignb": {
        const alignment = this.expression();
        let fill: "nop" | "zero" = word === "align" ? "nop" : "zero";
        if (cur.eatPunct(",")) {
          const f = cur.next();
          if (f.kind === "id" && f.text.toLowerCase() === "nop") fill = "nop";
          else if (f.kind === "id" && (f.text.toLowerCase() === "db" || f.text.toLowerCase() === "resb")) {
            // `align 4, db 0` / `alignb 4, resb 1`
            if (f.text.toLowerCase() === "db") {
              const z = cur.next();
              if (z.kind !== "num" || z.value !== 0) cur.fail("only 'db 0' and 'nop' are supported as align fill", z.col);
            } else while (!cur.atEnd()) cur.next();
            fill = "zero";
          } else cur.fail("only 'db 0' and 'nop' are supported as align fill", f.col);
        }
        this.endOfLine();
        return { kind: "align", alignment, fill, loc };
      }
      case "org":
        return cur.fail("'org' is not available in ELF output (use the linker script)", t.col);
      case "absolute": {
        const address = this.expression();
        this.endOfLine();
        return { kind: "absolute", address, loc };
      }
      case "common":
      case "dt":
      case "ddq":
      case "do":
      case "dy":
      case "rest":
      case "reso":
      case "resy":
        cur.fail(`'${word}' is not supported by ts386 asm (see docs/assembler.md)`, t.col);
    }
    const width = DATA_WIDTH.get(word);
    if (width) return this.data(width, loc);
    const rwidth = RESERVE_WIDTH.get(word);
    if (rwidth) {
      const count = this.expression();
      this.endOfLine();
      return { kind: "reserve", width: rwidth, count, loc };
    }
    if (word === "equ") cur.fail("equ needs a label before it", t.col);
    return this.instruction(t, loc);
  }

  private data(width: 1 | 2 | 4 | 8, loc: SourceLocation): Statement {
    const cur: TokenCursor = this.cur;
    const items: DataItem[] = [];
    do {
      const t = cur.peek();
      if (!t) cur.fail("expected data");
      // A string on its own is a run of bytes; inside an expression it is a number.
      if (t.kind === "str" && (cur.peek(1) === undefined || cur.isPunct(",", 1))) {
        cur.pos++;
        items.push({ kind: "string", bytes: t.bytes! });
      } else if (width === 8 && this.wideLiteral()) {
        // A dq literal beyond 2^53 (a GDT descriptor, say): its exact 8 bytes.
        items.push({ kind: "string", bytes: this.wideLiteral()! });
        cur.pos += cur.isPunct("-") ? 2 : 1;
      } else items.push({ kind: "expr", expr: this.expression() });
    } while (cur.eatPunct(","));
    this.endOfLine();
    return { kind: "data", width, items, loc };
  }

  /** The 8 bytes of a `dq` item that is a lone number literal too wide for exact double arithmetic. */
  private wideLiteral(): number[] | undefined {
    const cur = this.cur;
    const neg = cur.isPunct("-");
    const t = cur.peek(neg ? 1 : 0);
    if (!t || t.kind !== "num" || Number.isSafeInteger(t.value)) return undefined;
    const after = cur.peek(neg ? 2 : 1);
    if (after && !(after.kind === "punct" && after.text === ",")) return undefined;
    const big = parseBigNumber(t.text);
    if (big === undefined) return undefined;
    let v = BigInt.asUintN(64, neg ? -big : big);
    const bytes: number[] = [];
    for (let i = 0; i < 8; i++, v >>= 8n) bytes.push(Number(v & 0xffn));
    return bytes;
  }

  private instruction(first: Token, loc: SourceLocation): Statement {
    const cur: TokenCursor = this.cur;
    const prefixes: string[] = [];
    let t = first;
    while (PREFIXES.has(t.text.toLowerCase())) {
      prefixes.push(t.text.toLowerCase());
      if (cur.atEnd()) cur.fail(`prefix '${t.text}' needs an instruction after it`, t.col);
      t = cur.next();
      if (t.kind !== "id") cur.fail(`expected an instruction, found '${t.text}'`, t.col);
    }
    const mnemonic = t.text.toLowerCase();
    if (!MNEMONICS.has(mnemonic)) cur.fail(`unknown instruction '${t.text}'`, t.col);
    // Lists of exactly their length (a list grown by push keeps room for 17: instructions live through every pass).
    let operands: Operand[] = NO_OPERANDS;
    if (!cur.atEnd()) {
      const first = this.operand();
      if (!cur.eatPunct(",")) operands = [first];
      else {
        const second = this.operand();
        if (!cur.eatPunct(",")) operands = [first, second];
        else {
          const more = [first, second];
          do more.push(this.operand());
          while (cur.eatPunct(","));
          operands = more.slice();
        }
      }
    }
    this.endOfLine();
    // Most instructions have no prefix: share one empty list (statements live through every pass).
    return { kind: "instruction", prefixes: prefixes.length > 0 ? prefixes : NO_PREFIXES, mnemonic, operands, loc };
  }

  private operand(): Operand {
    const cur: TokenCursor = this.cur;
    let size: OperandSize | undefined;
    let strict = false;
    let short = false;
    let near = false;
    let far = false;
    for (;;) {
      const t = cur.peek();
      if (!t || t.kind !== "id" || t.escaped) break;
      const w = t.text.toLowerCase();
      const sized = SIZE_WORDS.get(w);
      if (sized !== undefined) size = sized;
      else if (w === "strict") strict = true;
      else if (w === "short") short = true;
      else if (w === "near") near = true;
      else if (w === "far") far = true;
      else break;
      cur.pos++;
    }
    if (cur.isPunct("[")) {
      cur.pos++;
      // `jmp far [m]`: a 48-bit selector:offset pointer in memory.
      return this.memory(far ? 48 : size);
    }
    if (far) cur.fail("'far' goes with a memory operand ('jmp far [ptr]'); a direct far jump is written 'selector:offset'");
    const t = cur.peek();
    if (t && t.kind === "id" && !t.escaped) {
      const reg = registerInfo(t.text.toLowerCase());
      if (reg && (cur.peek(1) === undefined || cur.isPunct(",", 1))) {
        cur.pos++;
        if (size !== undefined && size !== reg.size && reg.cls === "gpr") cur.fail(`'${t.text}' is a ${reg.size}-bit register, not ${size}-bit`, t.col);
        return { kind: "reg", reg: reg.name };
      }
      if (reg) cur.fail(`register '${t.text}' cannot be used in an expression outside [ ]`, t.col);
    }
    const start = cur.col();
    const expr = this.expression();
    if (cur.eatPunct(":")) {
      const offset = this.expression();
      return { kind: "far", segment: expr, offset };
    }
    this.rejectRegisters(expr, start);
    // Every field present (undefined when not given): one object shape for all immediates.
    return { kind: "imm", expr, size, short: short || undefined, near: near || undefined, strict: strict || undefined };
  }

  private rejectRegisters(e: Expr, col: number): void {
    if (e.kind === "sym" && registerInfo(e.name.toLowerCase())) this.cur.fail(`register '${e.name}' cannot be used in an expression outside [ ]`, col);
    if (e.kind === "unary") this.rejectRegisters(e.operand, col);
    if (e.kind === "binary") {
      this.rejectRegisters(e.left, col);
      this.rejectRegisters(e.right, col);
    }
  }

  /** `[seg: base + index*scale + disp]`, after the `[`. */
  private memory(size: OperandSize | undefined): Operand {
    const cur: TokenCursor = this.cur;
    const open = cur.col();
    let segment: SegReg | undefined;
    const t = cur.peek();
    if (t && t.kind === "id" && cur.isPunct(":", 1)) {
      const r = registerInfo(t.text.toLowerCase());
      if (!r || r.cls !== "seg") cur.fail(`'${t.text}' is not a segment register`, t.col);
      segment = r.name as SegReg;
      cur.pos += 2;
    }
    // Size keywords inside the brackets ([dword x]) choose the displacement size in NASM; we do not need them.
    const expr = this.expression();
    cur.expectPunct("]");
    const regs: EaRegister[] = [];
    const rest: EaTerm[] = [];
    this.eaTerms(expr, false, open, regs, rest);
    // A register whose scales add up to 0 is no register of the address.
    let used = 0;
    let scaledCount = 0;
    let plain0: EaRegister | undefined;
    let plain1: EaRegister | undefined;
    let scaled0: EaRegister | undefined;
    for (let i = 0; i < regs.length; i++) {
      const r = regs[i]!;
      if (r.scale === 0) continue;
      used++;
      if (!r.explicit && r.scale === 1) {
        if (!plain0) plain0 = r;
        else if (!plain1) plain1 = r;
      } else {
        scaledCount++;
        scaled0 ??= r;
      }
    }
    if (used > 2 || scaledCount > 1) cur.fail("invalid effective address: too many registers", open);
    let base: Reg32 | undefined;
    let index: { reg: Reg32; scale: number } | undefined;
    if (scaled0) {
      index = scaled0;
      base = plain0?.reg;
    } else if (plain0) {
      base = plain0.reg;
      if (plain1) index = { reg: plain1.reg, scale: 1 };
    }
    if (index && !base && (index.scale === 2 || index.scale === 3 || index.scale === 5 || index.scale === 9)) {
      // NASM turns [r*2] into [r+r] and [r*9] into [r+r*8]: no 32-bit displacement needed.
      base = index.reg;
      index = { reg: index.reg, scale: index.scale - 1 };
    }
    if (index && !base && index.scale === 1) {
      base = index.reg;
      index = undefined;
    }
    if (index && index.scale !== 1 && index.scale !== 2 && index.scale !== 4 && index.scale !== 8) cur.fail(`invalid scale ${index.scale} (1, 2, 4 or 8)`, open);
    // Positive terms first, then the subtracted ones: [ecx-a+b] becomes b-a, which
    // is a plain number when a and b are in the same section.
    let disp: Expr | undefined;
    for (let pass = 0; pass < 2; pass++) {
      for (let i = 0; i < rest.length; i++) {
        const r = rest[i]!;
        if (r.negative !== (pass === 1)) continue;
        if (!disp) disp = r.negative ? (r.expr.kind === "num" ? { kind: "num", value: -r.expr.value } : { kind: "binary", op: "-", left: { kind: "num", value: 0 }, right: r.expr }) : r.expr;
        else disp = { kind: "binary", op: r.negative ? "-" : "+", left: disp, right: r.expr };
      }
    }
    // Every field present (undefined when not given): one object shape for all memory operands.
    return { kind: "mem", size, segment, base, index: index?.reg, scale: index?.scale as 1 | 2 | 4 | 8 | undefined, disp };
  }

  /** Splits an effective address into registers (with their scales) and the other terms, each with its sign. */
  private eaTerms(e: Expr, negative: boolean, open: number, regs: EaRegister[], rest: EaTerm[]): void {
    const cur = this.cur;
    if (e.kind === "sym") {
      const r = registerInfo(e.name.toLowerCase());
      if (r) {
        if (r.cls !== "gpr" || r.size !== 32) cur.fail(`'${e.name}' cannot be used in an address (only 32-bit registers can)`, open);
        if (negative) cur.fail("a register cannot be subtracted in an address", open);
        addEaRegister(regs, r.name as Reg32, 1, false);
        return;
      }
    }
    if (e.kind === "binary" && (e.op === "+" || e.op === "-")) {
      this.eaTerms(e.left, negative, open, regs, rest);
      this.eaTerms(e.right, e.op === "-" ? !negative : negative, open, regs, rest);
      return;
    }
    if (e.kind === "binary" && e.op === "*") {
      const lr = regOf(e.left);
      const rr = regOf(e.right);
      const factor = lr ? e.right : rr ? e.left : undefined;
      const reg = lr ?? rr;
      if (reg && factor) {
        if (negative) cur.fail("a register cannot be subtracted in an address", open);
        if (!isConstantExpr(factor) || hasRegister(factor)) cur.fail("the scale of an index register must be a number", open);
        addEaRegister(regs, reg, evalConstant(factor, (m) => cur.fail(m, open)), true);
        return;
      }
    }
    if (hasRegister(e)) cur.fail("invalid effective address", open);
    rest.push({ expr: e, negative });
  }
}

/** A register of an effective address: its total scale, and whether a `*` gave it one. */
interface EaRegister {
  reg: Reg32;
  scale: number;
  explicit: boolean;
}

/** A term of an effective address that is not a register. */
interface EaTerm {
  expr: Expr;
  negative: boolean;
}

function addEaRegister(regs: EaRegister[], reg: Reg32, scale: number, explicit: boolean): void {
  for (let i = 0; i < regs.length; i++) {
    const seen = regs[i]!;
    if (seen.reg === reg) {
      seen.scale += scale;
      seen.explicit = true;
      return;
    }
  }
  regs.push({ reg, scale, explicit });
}

function regOf(e: Expr): Reg32 | undefined {
  if (e.kind !== "sym") return undefined;
  const r = registerInfo(e.name.toLowerCase());
  return r && r.cls === "gpr" && r.size === 32 ? (r.name as Reg32) : undefined;
}

function hasRegister(e: Expr): boolean {
  switch (e.kind) {
    case "sym":
      return registerInfo(e.name.toLowerCase()) !== undefined;
    case "unary":
      return hasRegister(e.operand);
    case "binary":
      return hasRegister(e.left) || hasRegister(e.right);
    default:
      return false;
  }
}

function evalConstant(e: Expr, fail: (m: string) => never): number {
  return evaluate(e, { symbol: () => undefined, here: () => fail("$"), sectionStart: () => fail("$$"), error: fail }).offset;
}
