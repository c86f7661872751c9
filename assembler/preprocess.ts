// The NASM preprocessor subset: source text in, plain lines (each with the place it
// came from) out.
//
//   %define NAME body / %define NAME(a,b) body / %xdefine / %idefine / %undef
//   %assign NAME expr
//   %macro NAME n[-m][+] [defaults] ... %endmacro (also %imacro), with %0 %1..%n %{n}
//     %%label (-> ..@N.label) and %+ (token pasting)
//   %rep n ... %exitrep ... %endrep
//   %if / %elif / %ifdef / %ifndef / %elifdef / %elifndef / %else / %endif
//   %include "file" (searched beside the including file, then in the -I paths)
//   %error "message"
//
// NASM numbers macro invocations with one counter to make %%labels unique; its
// built-in directive macros (section, global, bits, align ...) take numbers too,
// so we count them the same way and get the same ..@N.label names as nasm.

import * as fs from "node:fs";
import * as path from "node:path";
import { errorAt, ID_CHAR, isIdChar, isIdStart, tokenize, type LineOrigin } from "./lexer.js";
import { evaluate, parseExpr, TokenCursor } from "./expressions.js";
import { FileLines, type LineSequence } from "./source-lines.js";

export interface SourceLine {
  text: string;
  origin: LineOrigin;
  /** For a line of a macro body: its line in the macro definition (nasm's __LINE__ there). */
  macroLine?: number;
}

export interface PreprocessOptions {
  /** -D NAME=VALUE definitions. */
  defines?: Map<string, string> | Record<string, string>;
  /** -I directories searched by %include. */
  includePaths?: string[];
}

interface SingleLineMacro {
  params: string[] | null;
  body: string;
}

interface MultiLineMacro {
  name: string;
  minParams: number;
  maxParams: number; // Infinity for n-*
  greedy: boolean;
  defaults: string[];
  body: SourceLine[];
  caseInsensitive: boolean;
}

interface Conditional {
  /** This branch's lines are kept. */
  active: boolean;
  /** Some branch of this %if has already been taken. */
  taken: boolean;
  /** The enclosing context is active. */
  parentActive: boolean;
  origin: LineOrigin;
  sawElse: boolean;
}

/** NASM's built-in directive macros and how many unique numbers each invocation uses. */
const STANDARD_MACROS: ReadonlyMap<string, number> = new Map(Object.entries({
  section: 1, segment: 1, absolute: 1, bits: 1, use16: 1, use32: 1, use64: 1, global: 1, extern: 1,
  common: 1, static: 1, required: 1, cpu: 1, default: 1, float: 1, sectalign: 1, align: 2, alignb: 2,
}));

/** %if<kind> variants (each also as %ifn<kind>, %elif<kind>, %elifn<kind>). */
const CONDITION_KINDS = new Set(["", "def", "macro", "idn", "idni", "num", "id", "str", "empty"]);

/** nasm's predefined single-line macros that make sense here: __FILE__, __LINE__, __BITS__ (also as __?FILE?__ ...). */
function builtinMacro(word: string, line: SourceLine): { params: null; body: string } | undefined {
  switch (word.replace(/^__\?(.*)\?__$/, "__$1__")) {
    case "__FILE__":
      return { params: null, body: `'${line.origin.file}'` };
    case "__LINE__":
      return { params: null, body: String(line.macroLine ?? line.origin.line) };
    case "__BITS__":
      return { params: null, body: "32" };
  }
  return undefined;
}

/** Words at the start of a line that this stage acts on (besides macro names). */
const HANDLED_WORDS = new Set([...STANDARD_MACROS.keys(), "struc", "endstruc", "istruc", "at", "iend", "incbin"]);

/**
 * Lower-case first letter and length of every handled word, as `letter * 16 + length`
 * (1 in this table): a name that matches none of them is no handled word (checked
 * without slicing it out; a name's first character is below 128).
 */
const HANDLED_SHAPES = new Uint8Array(128 * 16);
for (const w of HANDLED_WORDS) HANDLED_SHAPES[w.charCodeAt(0) * 16 + w.length] = 1;

/**
 * Whether one of the first two names on a line (a label and what follows it, or a
 * mnemonic and its first operand) may be a handled word. Without macros defined this
 * is the test every plain line takes, so it looks at characters and slices only a
 * name of a handled word's shape.
 */
function mayHandleFirstWords(text: string, handled: (word: string) => boolean): boolean {
  let i = 0;
  const n = text.length;
  for (let k = 0; k < 2 && i < n; k++) {
    // No read past the end: optimized code reading there is thrown away (an out-of-bounds deopt).
    let c = text.charCodeAt(i);
    while (c === 32 || c === 9 || c === 58 /* : */) {
      if (++i >= n) return false;
      c = text.charCodeAt(i);
    }
    if (!isIdStart(c)) break;
    const start = i;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (d >= 128 || ID_CHAR[d] !== 1) break;
      i++;
    }
    const len = i - start;
    if (len < 16 && HANDLED_SHAPES[(c | 0x20) * 16 + len] === 1 && handled(text.slice(start, i))) return true;
  }
  return false;
}

/** The first two names on a line (a label and what follows it, or a mnemonic and its first operand). */
function firstWords(text: string): [string | undefined, string | undefined] {
  const out: (string | undefined)[] = [];
  let i = 0;
  const n = text.length;
  while (out.length < 2 && i < n) {
    let c = text.charCodeAt(i);
    while (i < n && (c === 32 || c === 9 || c === 58 /* : */)) c = text.charCodeAt(++i);
    if (i >= n || !isIdStart(c)) break;
    const start = i;
    while (i < n && isIdChar(text.charCodeAt(i))) i++;
    out.push(text.slice(start, i));
  }
  return [out[0], out[1]];
}

const isHandledWord = (word: string): boolean => HANDLED_WORDS.has(word.toLowerCase());

const DIRECTIVE_WORD = /^%([a-z]+)\b\s*(.*)$/i;

export function preprocess(text: string, fileName: string, options: PreprocessOptions = {}): SourceLine[] {
  return new Preprocessor(options).run(text, fileName);
}

/**
 * The same, handing each line to `emit` as soon as it is final instead of returning
 * them all (so the lines need not all be alive at once).
 */
export function preprocessInto(text: string, fileName: string, options: PreprocessOptions, emit: (line: SourceLine) => void): void {
  new Preprocessor(options, emit).run(text, fileName);
}

class Preprocessor {
  private readonly defines = new Map<string, SingleLineMacro>();
  private readonly idefines = new Map<string, SingleLineMacro>();
  private readonly macros = new Map<string, MultiLineMacro[]>();
  private readonly imacros = new Map<string, MultiLineMacro[]>();
  private unique = 0;
  /** struc and istruc being defined, and the section line to return to after endstruc (nasm's __SECT__). */
  private readonly strucs: string[] = [];
  private readonly istrucs: { name: string; start: string }[] = [];
  private sectionLine = "[section .text]";
  private readonly out: SourceLine[] = [];
  private readonly includePaths: string[];
  private includeDepth = 0;

  constructor(options: PreprocessOptions, private readonly emit?: (line: SourceLine) => void) {
    this.includePaths = options.includePaths ?? [];
    const defs = options.defines instanceof Map ? options.defines : new Map(Object.entries(options.defines ?? {}));
    for (const [name, value] of defs) this.defines.set(name, { params: null, body: value });
  }

  run(text: string, fileName: string): SourceLine[] {
    this.processLines(new FileLines(text, fileName));
    this.flush();
    return this.out;
  }

  /** Hands the lines produced so far to `emit` (between lines: ordinaryLine may take back what it added). */
  private flush(): void {
    const emit = this.emit;
    const out = this.out;
    if (!emit || out.length === 0) return;
    // Emptied in place (a splice made a new list per line); `emit` only parses, it never adds here.
    for (let i = 0; i < out.length; i++) emit(out[i]!);
    out.length = 0;
  }

  // -------------------------------------------------------------------------
  // The line loop: conditionals, directives, macro calls.

  /** The macro call whose body is being read (its parameters are substituted line by line). */
  private macro: MacroCall | undefined;

  private processLines(lines: LineSequence): void {
    const conds: Conditional[] = [];
    const active = () => conds.length === 0 || conds[conds.length - 1]!.active;
    const macro = this.macro;
    for (let i = 0; i < lines.length; i++) {
      if (this.out.length > 0) this.flush();
      let line = lines.at(i)!;
      if (macro && line.text.includes("%")) {
        const text = substituteParams(line.text, macro);
        if (text !== line.text) line = { ...line, text, origin: { ...line.origin, text } };
      }
      const t = line.text;
      let k = 0;
      while (k < t.length && (t.charCodeAt(k) === 32 || t.charCodeAt(k) === 9)) k++;
      if (k + 1 < t.length && t.charCodeAt(k) === 37 /* % */ && /[a-zA-Z]/.test(t[k + 1]!)) {
        const m = DIRECTIVE_WORD.exec(t.slice(k));
        const word = m ? m[1]!.toLowerCase() : "";
        const rest = m ? stripComment(m[2]!) : "";
        if (this.conditional(word, rest, line, conds, k)) continue;
        if (!active()) {
          // Skip a %macro/%rep block wholesale so its %if lines do not count.
          if (word === "macro" || word === "imacro") i = this.findEnd(lines, i, ["macro", "imacro"], "endmacro");
          else if (word === "rep") i = this.findEnd(lines, i, ["rep"], "endrep");
          continue;
        }
        i = this.directive(word, rest, line, lines, i, k);
        continue;
      }
      if (!active()) continue;
      this.ordinaryLine(line);
    }
    if (conds.length > 0) {
      const c = conds[conds.length - 1]!;
      errorAt(c.origin, 1, "unterminated %if (missing %endif)");
    }
  }

  /** Handles %if-family lines; returns false for anything else. */
  private conditional(word: string, rest: string, line: SourceLine, conds: Conditional[], col: number): boolean {
    const top = conds[conds.length - 1];
    const parentActive = conds.length === 0 || top!.active;
    const isIf = word.startsWith("if") && CONDITION_KINDS.has(word.slice(2).replace(/^n(?!um)/, ""));
    const isElif = word.startsWith("elif") && CONDITION_KINDS.has(word.slice(4).replace(/^n(?!um)/, ""));
    if (isIf) {
      const value = parentActive ? this.condition(word, rest, line, col) : false;
      conds.push({ active: parentActive && value, taken: value, parentActive, origin: line.origin, sawElse: false });
      return true;
    }
    if (isElif || word === "else" || word === "endif") {
      if (!top) errorAt(line.origin, col + 1, `%${word} without %if`);
      if (word === "endif") {
        conds.pop();
        return true;
      }
      if (top.sawElse) errorAt(line.origin, col + 1, `%${word} after %else`);
      if (word === "else") {
        top.sawElse = true;
        top.active = top.parentActive && !top.taken;
        top.taken = true;
        return true;
      }
      const value = top.parentActive && !top.taken ? this.condition(word.replace("elif", "if"), rest, line, col) : false;
      top.active = top.parentActive && !top.taken && value;
      top.taken ||= value;
      return true;
    }
    return false;
  }

  /** The value of %if<kind> / %ifn<kind> (word without its %el prefix). */
  private condition(word: string, rest: string, line: SourceLine, col: number): boolean {
    let kind = word.slice(2);
    const negate = /^n(?!um)/.test(kind);
    if (negate) kind = kind.slice(1);
    let value: boolean;
    switch (kind) {
      case "":
        value = this.evaluate(rest, line, `%${word}`) !== 0;
        break;
      case "def": {
        const name = rest.trim();
        if (!/^[A-Za-z_.?@$][\w.?@$#~]*$/.test(name)) errorAt(line.origin, col + 1, `%${word} expects a macro name`);
        value = this.defines.has(name) || this.idefines.has(name.toLowerCase());
        break;
      }
      case "macro": {
        const name = rest.trim().split(/\s+/)[0] ?? "";
        value = this.findMacros(name) !== undefined;
        break;
      }
      case "idn":
      case "idni": {
        const parts = splitArguments(this.expandSingleLine(rest, line), false, 0, true);
        if (parts.length !== 2) errorAt(line.origin, col + 1, `%${word} expects two comma-separated texts`);
        const [a, b] = parts.map((p) => p.replace(/\s+/g, "")) as [string, string];
        value = kind === "idn" ? a === b : a.toLowerCase() === b.toLowerCase();
        break;
      }
      default: {
        // num / id / str / empty: what the (expanded) text is.
        const t = this.expandSingleLine(rest, line).trim();
        value = kind === "empty" ? t === "" : kind === "num" ? /^(\$?[0-9][0-9a-zA-Z_]*)$/.test(t)
          : kind === "id" ? /^[A-Za-z_.?@$][\w.?@$#~]*$/.test(t) : /^(["'`]).*\1$/.test(t);
      }
    }
    return negate ? !value : value;
  }

  /** Evaluates a preprocessor expression (after expanding %defines): numbers only. */
  private evaluate(text: string, line: SourceLine, what: string): number {
    const expanded = this.expandSingleLine(text, line);
    const origin: LineOrigin = { ...line.origin, text: expanded };
    const cur = new TokenCursor(tokenize(expanded, origin), origin);
    if (cur.atEnd()) errorAt(line.origin, 1, `${what} needs an expression`);
    const e = parseExpr(cur, (n) => n);
    if (!cur.atEnd()) cur.fail(`unexpected '${cur.peek()!.text}' after the expression`);
    const fail = (m: string): never => errorAt(origin, 1, `${what}: ${m}`);
    const v = evaluate(e, {
      symbol: (name) => fail(`'${name}' is not a number known to the preprocessor (labels and equ values are not)`),
      here: () => fail("'$' cannot be used in a preprocessor expression"),
      sectionStart: () => fail("'$$' cannot be used in a preprocessor expression"),
      error: fail,
    });
    return v.offset;
  }

  /** Finds the line index of the %end... that closes the block opened at `start`. */
  private findEnd(lines: LineSequence, start: number, openers: string[], closer: string): number {
    let depth = 0;
    for (let i = start; i < lines.length; i++) {
      const m = /^\s*%([a-z]+)\b/i.exec(lines.at(i)!.text);
      if (!m) continue;
      const w = m[1]!.toLowerCase();
      if (openers.includes(w)) depth++;
      else if (w === closer && --depth === 0) return i;
    }
    errorAt(lines.at(start)!.origin, 1, `unterminated %${openers[0]} (missing %${closer})`);
  }

  /** Handles one directive; returns the index of the last line it consumed. */
  private directive(word: string, rest: string, line: SourceLine, lines: LineSequence, i: number, col: number): number {
    const o = line.origin;
    switch (word) {
      case "define":
      case "xdefine":
      case "idefine":
      case "xidefine": {
        const m = /^([A-Za-z_.?@$][\w.?@$#~]*)(\(([^)]*)\))?\s*(.*)$/.exec(rest);
        if (!m) errorAt(o, col + 1, `%${word} expects a macro name`);
        const params = m[2] !== undefined ? m[3]!.split(",").map((p) => p.trim()).filter((p) => p.length > 0) : null;
        let body = m[4]!.trim();
        if (word.startsWith("x")) body = this.expandSingleLine(body, line);
        const def = { params, body };
        if (word.endsWith("idefine")) this.idefines.set(m[1]!.toLowerCase(), def);
        else this.defines.set(m[1]!, def);
        return i;
      }
      case "undef": {
        const name = rest.trim();
        this.defines.delete(name);
        this.idefines.delete(name.toLowerCase());
        return i;
      }
      case "assign":
      case "iassign": {
        const m = /^([A-Za-z_.?@$][\w.?@$#~]*)\s+(.+)$/.exec(rest);
        if (!m) errorAt(o, col + 1, `%${word} expects a name and an expression`);
        const value = this.evaluate(m[2]!, line, `%${word}`);
        const def = { params: null, body: String(value) };
        if (word === "iassign") this.idefines.set(m[1]!.toLowerCase(), def);
        else this.defines.set(m[1]!, def);
        return i;
      }
      case "macro":
      case "imacro": {
        const end = this.findEnd(lines, i, ["macro", "imacro"], "endmacro");
        this.defineMacro(word === "imacro", rest, line, lines.slice(i + 1, end), col);
        return end;
      }
      case "endmacro":
        errorAt(o, col + 1, "%endmacro without %macro");
      case "rep": {
        const end = this.findEnd(lines, i, ["rep"], "endrep");
        const count = this.evaluate(rest, line, "%rep");
        if (count < 0) errorAt(o, col + 1, `%rep count ${count} is negative`);
        const body = lines.slice(i + 1, end);
        for (let n = 0; n < count; n++) {
          if (this.processRepBody(body)) break;
        }
        return end;
      }
      case "endrep":
        errorAt(o, col + 1, "%endrep without %rep");
      case "exitrep":
        throw new ExitRep(o);
      case "rotate": {
        const m = this.macro;
        if (!m) errorAt(o, col + 1, "%rotate outside a macro");
        const n = this.evaluate(rest, line, "%rotate");
        const len = m.params.length;
        if (len > 0) {
          const k = ((n % len) + len) % len;
          m.params = [...m.params.slice(k), ...m.params.slice(0, k)];
        }
        return i;
      }
      case "include": {
        const m = /^(["'<])(.*)["'>]\s*$/.exec(rest.trim());
        if (!m) errorAt(o, col + 1, '%include expects a file name in quotes');
        this.include(m[2]!, line, col);
        return i;
      }
      case "error":
        errorAt(o, col + 1, rest.trim().replace(/^(["'`])(.*)\1$/, "$2"));
      case "warning":
        return i;
    }
    errorAt(o, col + 1, `unknown preprocessor directive '%${word}'`);
  }

  /** Runs one %rep iteration; returns true when %exitrep ended the loop. */
  private processRepBody(body: SourceLine[]): boolean {
    try {
      this.processLines(body);
      return false;
    } catch (e) {
      if (e instanceof ExitRep) return true;
      throw e;
    }
  }

  private include(name: string, line: SourceLine, col: number): void {
    const found = this.findFile(name, line.origin.file);
    if (!found) errorAt(line.origin, col + 1, `unable to open include file '${name}'`);
    if (++this.includeDepth > 50) errorAt(line.origin, col + 1, `%include nested too deeply (is '${name}' including itself?)`);
    const text = fs.readFileSync(found, "latin1");
    const file = path.relative(".", found) || found;
    this.processLines(new FileLines(text, file));
    this.includeDepth--;
  }

  private defineMacro(caseInsensitive: boolean, spec: string, line: SourceLine, body: SourceLine[], col: number): void {
    const m = /^([A-Za-z_.?@$][\w.?@$#~]*)\s+(\d+)(?:\s*-\s*(\d+|\*))?(\+)?(\.nolist)?\s*(.*)$/.exec(spec.trim())
      ?? /^([A-Za-z_.?@$][\w.?@$#~]*)()()()()()\s*$/.exec(spec.trim());
    if (!m) errorAt(line.origin, col + 1, "%macro expects a name and a parameter count");
    const minParams = m[2] ? Number(m[2]) : 0;
    const maxParams = m[3] === "*" ? Infinity : m[3] ? Number(m[3]) : minParams;
    const defaults = m[6] ? splitArguments(m[6], false, 0) : [];
    const def: MultiLineMacro = { name: m[1]!, minParams, maxParams, greedy: m[4] === "+", defaults, body, caseInsensitive };
    const table = caseInsensitive ? this.imacros : this.macros;
    const key = caseInsensitive ? def.name.toLowerCase() : def.name;
    const list = (table.get(key) ?? []).filter((d) => d.minParams !== minParams || d.maxParams !== maxParams);
    list.push(def);
    table.set(key, list);
  }

  private findMacros(name: string): MultiLineMacro[] | undefined {
    return this.macros.get(name) ?? this.imacros.get(name.toLowerCase());
  }

  // -------------------------------------------------------------------------
  // Ordinary lines: single-line macro expansion, then multi-line macro calls.

  private ordinaryLine(line: SourceLine): void {
    let text = line.text;
    // %[text]: expand now and paste (isr%[i] -> isr7).
    if (text.includes("%[")) text = text.replace(/%\[([^\]]*)\]/g, (_all, inner: string) => this.expandSingleLine(inner, line).trim());
    if (this.defines.size > 0 || this.idefines.size > 0 || text.includes("__")) text = this.expandSingleLine(text, line);
    // Most lines are plain instructions: skip the full analysis unless one of the first
    // two words is a macro or a name this stage handles.
    const plain = this.macros.size === 0 && this.imacros.size === 0
      ? !mayHandleFirstWords(text, isHandledWord)
      : !this.mayHandle(firstWords(text)[0]) && !this.mayHandle(firstWords(text)[1]);
    if (plain) {
      this.put(text === line.text ? line : { text, origin: { ...line.origin, text } });
      return;
    }
    this.handledLine(text, line);
  }

  /**
   * A line whose first words may be a macro call or a name this stage handles. Kept
   * apart from ordinaryLine so that the optimizing compiler, which compiles the hot
   * ordinaryLine, does not compile (and pay for) this rarely taken part with it.
   */
  private handledLine(text: string, line: SourceLine): void {
    const call = /^\s*([A-Za-z_.?@$][\w.?@$#~]*)(\s*:)?\s*(?:([A-Za-z_.?@$][\w.?@$#~]*)\b)?(.*)$/.exec(text);
    if (call) {
      const first = call[1]!;
      const firstMacros = this.findMacros(first);
      if (firstMacros && !call[2]) {
        this.invoke(first, firstMacros, text.slice(text.indexOf(first) + first.length), line);
        return;
      }
      const second = call[3];
      const secondMacros = second !== undefined ? this.findMacros(second) : undefined;
      if (second !== undefined && secondMacros) {
        // "label: macro args": the label stays on a line of its own.
        this.out.push({ text: `${first}:`, origin: line.origin });
        this.invoke(second, secondMacros, call[4]!, line);
        return;
      }
      if (!call[2] && this.structure(first.toLowerCase(), text.slice(text.indexOf(first) + first.length), line)) return;
      if (/^incbin$/i.test(first) || (second !== undefined && /^incbin$/i.test(second))) {
        if (!/^incbin$/i.test(first)) this.out.push({ text: `${first}:`, origin: line.origin });
        this.incbin(/^incbin$/i.test(first) ? text.slice(text.indexOf(first) + first.length) : call[4]!, line);
        return;
      }
      if (second !== undefined && /^(struc|endstruc|istruc|at|iend)$/i.test(second)) {
        // "label: istruc point": the label stays on a line of its own.
        const mark = this.out.length;
        this.out.push({ text: `${first}:`, origin: line.origin });
        if (this.structure(second.toLowerCase(), call[4]!, line)) return;
        this.out.length = mark;
      }
      if (!call[2] && /^(section|segment)$/i.test(first)) this.sectionLine = `[section ${stripComment(call[3] ?? "")}${stripComment(call[4] ?? "")}]`;
      const std = STANDARD_MACROS.get(first.toLowerCase()) ?? (second !== undefined ? STANDARD_MACROS.get(second.toLowerCase()) : undefined);
      if (std !== undefined) this.unique += std;
    }
    this.put(text === line.text ? line : { text, origin: { ...line.origin, text } });
  }

  /** A finished line (not one ordinaryLine may take back): straight to `emit` when streaming. */
  private put(line: SourceLine): void {
    if (!this.emit) {
      this.out.push(line);
      return;
    }
    this.flush();
    this.emit(line);
  }

  private mayHandle(word: string | undefined): boolean {
    if (word === undefined) return false;
    return HANDLED_WORDS.has(word.toLowerCase()) || this.findMacros(word) !== undefined;
  }

  private invoke(name: string, candidates: MultiLineMacro[], argText: string, line: SourceLine): void {
    const args = splitArguments(stripComment(argText), false, 0);
    const count = args.length;
    const def = candidates.find((d) => count >= d.minParams && (count <= d.maxParams || d.greedy))
      ?? candidates.find((d) => count >= d.minParams && count <= d.minParams + d.defaults.length);
    if (!def) {
      const want = candidates.map((d) => (d.maxParams === d.minParams ? `${d.minParams}` : `${d.minParams}-${d.maxParams === Infinity ? "*" : d.maxParams}`)).join(" or ");
      errorAt(line.origin, 1, `macro '${name}' takes ${want} parameters, not ${count}`);
    }
    let params = args;
    if (def.greedy && count > def.maxParams) {
      params = splitArguments(stripComment(argText), true, def.maxParams);
    }
    for (let k = params.length; k < def.maxParams && k - def.minParams < def.defaults.length; k++) params.push(def.defaults[k - def.minParams]!);
    const id = this.unique++;
    if (++this.includeDepth > 1000) errorAt(line.origin, 1, `macro '${name}' expands itself without end`);
    const outer = this.macro;
    // %0 counts the parameters after defaults are filled in, as nasm does.
    this.macro = { params, count: params.length, id, name: def.name };
    const body: SourceLine[] = def.body.map((b) => ({
      text: b.text,
      origin: { file: line.origin.file, line: line.origin.line, text: b.text, macro: { name: def.name, file: b.origin.file, line: b.origin.line } },
      macroLine: b.macroLine ?? b.origin.line,
    }));
    try {
      this.processLines(body);
    } finally {
      this.macro = outer;
    }
    this.includeDepth--;
  }

  /** incbin "file"[, skip[, length]]: the file's bytes as db lines. */
  private incbin(rest: string, line: SourceLine): void {
    const args = splitArguments(stripComment(rest), false, 0);
    const m = /^(["'`])(.*)\1$/.exec(args[0] ?? "");
    if (!m) errorAt(line.origin, 1, 'incbin expects a file name in quotes');
    const file = this.findFile(m[2]!, line.origin.file);
    if (!file) errorAt(line.origin, 1, `unable to open incbin file '${m[2]}'`);
    const num = (i: number, what: string): number | undefined => {
      if (args[i] === undefined) return undefined;
      const v = this.evaluate(args[i]!, line, `incbin ${what}`);
      if (v < 0) errorAt(line.origin, 1, `incbin ${what} ${v} is negative`);
      return v;
    };
    const data = fs.readFileSync(file);
    const skip = num(1, "offset") ?? 0;
    const length = num(2, "length");
    const bytes = data.subarray(Math.min(skip, data.length), length === undefined ? data.length : Math.min(data.length, skip + length));
    for (let i = 0; i < bytes.length; i += 1024) {
      const text = `db ${[...bytes.subarray(i, i + 1024)].join(",")}`;
      this.out.push({ text, origin: { ...line.origin } });
    }
  }

  /** A file named in %include or incbin: beside the including file, in the current directory, then the -I paths. */
  private findFile(name: string, from: string): string | undefined {
    if (path.isAbsolute(name)) return fs.existsSync(name) ? name : undefined;
    const dirs = [path.dirname(from), ".", ...this.includePaths];
    return dirs.map((d) => path.join(d, name)).find((p) => fs.existsSync(p) && fs.statSync(p).isFile());
  }

  /**
   * nasm's struc/endstruc/istruc/at/iend, written out the way its standard macros
   * expand them (absolute space, NAME_size, ..@N.strucstart). Returns false for other lines.
   */
  private structure(word: string, rest: string, line: SourceLine): boolean {
    const emit = (text: string) => this.out.push({ text, origin: { ...line.origin, text } });
    const args = () => splitArguments(stripComment(rest), false, 0);
    switch (word) {
      case "struc": {
        const [name, offset] = args();
        if (!name) errorAt(line.origin, 1, "struc needs a name");
        this.unique += 2; // the macro and its context
        this.strucs.push(name);
        emit(`[absolute ${offset ?? 0}]`);
        emit(`${name}:`);
        return true;
      }
      case "endstruc": {
        const name = this.strucs.pop();
        if (name === undefined) errorAt(line.origin, 1, "endstruc without struc");
        this.unique += 1;
        emit(`${name}_size equ ($-${name})`);
        emit(this.sectionLine);
        return true;
      }
      case "istruc": {
        const [name] = args();
        if (!name) errorAt(line.origin, 1, "istruc needs a structure name");
        this.unique += 1;
        const start = `..@${this.unique++}.strucstart`;
        this.istrucs.push({ name, start });
        emit(`${start}:`);
        return true;
      }
      case "at": {
        const top = this.istrucs[this.istrucs.length - 1];
        if (!top) return false; // not inside istruc: an ordinary name
        const [field] = splitArguments(stripComment(rest), true, 2);
        const data = splitArguments(stripComment(rest), true, 2)[1];
        this.unique += 1;
        emit(`times (${field}-${top.name})-($-${top.start}) db 0`);
        if (data) emit(data);
        return true;
      }
      case "iend": {
        const top = this.istrucs.pop();
        if (!top) errorAt(line.origin, 1, "iend without istruc");
        this.unique += 1;
        emit(`times ${top.name}_size-($-${top.start}) db 0`);
        return true;
      }
    }
    return false;
  }

  /** Expands %define macros in a line (repeatedly, never a macro inside its own expansion). */
  private expandSingleLine(text: string, line: SourceLine, active: Set<string> = new Set(), depth = 0): string {
    if (depth > 64) errorAt(line.origin, 1, "%define expansion nested too deeply");
    let out = "";
    let i = 0;
    const n = text.length;
    while (i < n) {
      const c = text[i]!;
      if (c === ";") {
        out += text.slice(i);
        break;
      }
      if (c === "'" || c === '"' || c === "`") {
        let j = i + 1;
        while (j < n && text[j] !== c) j += c === "`" && text[j] === "\\" ? 2 : 1;
        out += text.slice(i, j + 1);
        i = j + 1;
        continue;
      }
      if (/[A-Za-z_.?@$]/.test(c) && !(i > 0 && /[\w.?@$#~]/.test(text[i - 1]!))) {
        let j = i + 1;
        while (j < n && /[\w.?@$#~]/.test(text[j]!)) j++;
        const word = text.slice(i, j);
        const def = active.has(word) ? undefined : (this.defines.get(word) ?? this.idefines.get(word.toLowerCase()) ?? builtinMacro(word, line));
        if (def) {
          if (def.params === null) {
            out += this.expandSingleLine(def.body, line, new Set(active).add(word), depth + 1);
            i = j;
            continue;
          }
          const call = /^\s*\(/.exec(text.slice(j));
          if (call) {
            const close = matchingParen(text, j + call[0].length - 1);
            if (close < 0) errorAt(line.origin, i + 1, `missing ')' in call of '${word}'`);
            const args = splitArguments(text.slice(j + call[0].length, close), false, 0, true).map((a) => this.expandSingleLine(a, line, active, depth + 1));
            if (args.length !== def.params.length) errorAt(line.origin, i + 1, `'${word}' takes ${def.params.length} arguments, not ${args.length}`);
            let body = def.body;
            def.params.forEach((p, k) => {
              body = body.replace(new RegExp(`(?<![\\w.?@$#~])${escapeRegExp(p)}(?![\\w.?@$#~])`, "g"), () => args[k]!);
            });
            out += this.expandSingleLine(body, line, new Set(active).add(word), depth + 1);
            i = close + 1;
            continue;
          }
        }
        out += word;
        i = j;
        continue;
      }
      out += c;
      i++;
    }
    return out;
  }
}

class ExitRep extends Error {
  constructor(readonly origin: LineOrigin) {
    super("%exitrep outside %rep");
  }
}

function stripComment(text: string): string {
  let q = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (q) {
      if (c === q) q = "";
    } else if (c === "'" || c === '"' || c === "`") q = c;
    else if (c === ";") return text.slice(0, i);
  }
  return text;
}

/**
 * Splits macro arguments at top-level commas; {braces} group and are removed.
 * For %define calls (`parens`), parentheses group too: F(G(1,2), 3).
 */
function splitArguments(text: string, greedy: boolean, max: number, parens = false): string[] {
  const t = text.trim();
  if (t === "") return [];
  const args: string[] = [];
  let cur = "";
  let depth = 0;
  let q = "";
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if (q) {
      cur += c;
      if (c === q) q = "";
      continue;
    }
    if (c === "'" || c === '"' || c === "`") q = c;
    if (c === "{") {
      if (depth++ === 0) continue;
    } else if (c === "}") {
      if (--depth === 0) continue;
    } else if (parens && c === "(") depth++;
    else if (parens && c === ")") depth--;
    if (c === "," && depth === 0 && !(greedy && args.length === max - 1)) {
      args.push(cur.trim());
      cur = "";
      continue;
    }
    cur += c;
  }
  args.push(cur.trim());
  return args;
}

function matchingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")" && --depth === 0) return i;
  }
  return -1;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

interface MacroCall {
  params: string[];
  count: number;
  /** The unique number of this call, for %%labels. */
  id: number;
  name: string;
}

/** Replaces %0, %1..%n, %{n}, %%label, %? and %+ in one macro body line. */
function substituteParams(text: string, call: MacroCall): string {
  let out = text.replace(/%%([A-Za-z_.?@$][\w.?@$#~]*)|%\{(\d+)\}|%(\d+)|%\?/g, (all, local: string | undefined, braced: string | undefined, plain: string | undefined) => {
    if (local !== undefined) return `..@${call.id}.${local}`;
    if (all === "%?") return call.name;
    const k = Number(braced ?? plain);
    if (k === 0) return String(call.count);
    return call.params[k - 1] ?? "";
  });
  out = out.replace(/\s*%\+\s*/g, "");
  return out;
}
