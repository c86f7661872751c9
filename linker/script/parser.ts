// Recursive-descent parser for the GNU ld script subset that kernels use:
// ENTRY, OUTPUT_FORMAT/OUTPUT_ARCH (i386 only), SECTIONS with output section
// statements (address, ALIGN, AT load address), assignments to `.` and to symbols, PROVIDE, KEEP, wildcard input
// section patterns, /DISCARD/, and C-like expressions. Anything else is an error
// at its line and column rather than being silently ignored.

import type { SourceLocation } from "../../common/diagnostics.js";
import type {
  AssignOperator, Assertion, Assignment, BinaryOperator, Expression, InputSectionDescription,
  OutputSectionItem, OutputSectionStatement, Pattern, Script, SectionsItem,
} from "./ast.js";
import { Lexer, type Token } from "./lexer.js";

const ASSIGN_OPERATORS = new Set<string>(["=", "+=", "-=", "*=", "/=", "<<=", ">>=", "&=", "|="]);

// Binary operators by precedence level, loosest first (C's table, which ld uses).
const BINARY_LEVELS: BinaryOperator[][] = [
  ["||"], ["&&"], ["|"], ["^"], ["&"], ["==", "!="], ["<", "<=", ">", ">="], ["<<", ">>"], ["+", "-"],
  ["*", "/", "%"],
];

// Built-in functions and how many arguments each takes.
// (Maps, not object literals: a name such as `constructor` must not find Object.prototype's.)
const FUNCTIONS: ReadonlyMap<string, number[]> = new Map(Object.entries({
  ALIGN: [1, 2], BLOCK: [1], ABSOLUTE: [1], MAX: [2], MIN: [2], DEFINED: [1], ADDR: [1], SIZEOF: [1],
  ALIGNOF: [1], CONSTANT: [1], LOADADDR: [1],
}));
// Functions whose argument is a name (a section or a symbol), not an expression.
const NAME_ARGUMENT = new Set(["DEFINED", "ADDR", "SIZEOF", "ALIGNOF", "CONSTANT", "LOADADDR"]);

// Script commands that GNU ld knows and ts386 does not implement: named in the error.
const UNSUPPORTED_COMMANDS = new Set(["MEMORY", "PHDRS", "INPUT", "GROUP", "STARTUP", "SEARCH_DIR", "OUTPUT",
  "INCLUDE", "INSERT", "TARGET", "VERSION", "REGION_ALIAS", "NOCROSSREFS", "NOCROSSREFS_TO",
  "EXTERN", "FORCE_COMMON_ALLOCATION", "INHIBIT_COMMON_ALLOCATION", "AS_NEEDED", "OUTPUT_ARCH_MACH",
  "OVERLAY", "SECTIONS_ALIGN"]);
const UNSUPPORTED_IN_SECTION = new Set(["CREATE_OBJECT_SYMBOLS", "SORT_BY_INIT_PRIORITY", "INPUT_SECTION_FLAGS", "INCLUDE", "SORT", "SORT_BY_NAME", "SORT_BY_ALIGNMENT", "SORT_NONE"]);
const DATA_WIDTHS = new Map<string, 1 | 2 | 4 | 8>([["BYTE", 1], ["SHORT", 2], ["LONG", 4], ["QUAD", 8], ["SQUAD", 8]]);
const SORTS = new Map<string, "name" | "alignment" | undefined>([["SORT", "name"], ["SORT_BY_NAME", "name"], ["SORT_BY_ALIGNMENT", "alignment"], ["SORT_NONE", undefined]]);

export function parseScript(text: string, fileName: string): Script {
  return new Parser(new Lexer(text, fileName)).script();
}

class Parser {
  private readonly script_: Script;

  constructor(private readonly lx: Lexer) {
    this.script_ = { fileName: lx.fileName, statements: [], hasSections: false };
  }

  script(): Script {
    for (;;) {
      const t = this.lx.peek();
      if (t.kind === "eof") return this.script_;
      if (this.isPunct(t, ";")) {
        this.lx.next();
        continue;
      }
      if (t.kind !== "word") this.lx.error(`expected a script command, found '${t.text}'`, t.at);
      switch (t.text) {
        case "ENTRY":
          this.entry();
          break;
        case "OUTPUT_FORMAT":
          this.outputFormat();
          break;
        case "OUTPUT_ARCH":
          this.outputArch();
          break;
        case "SECTIONS":
          this.sections();
          break;
        case "ASSERT":
          this.script_.statements.push(this.assertion());
          break;
        default:
          if (this.startsAssignment()) {
            this.script_.statements.push(this.assignment(true));
          } else if (UNSUPPORTED_COMMANDS.has(t.text)) {
            this.lx.error(`'${t.text}' is not supported by ts386 link (see docs/linker.md for the script subset)`, t.at);
          } else {
            this.lx.error(`unknown script command '${t.text}'`, t.at);
          }
      }
    }
  }

  private entry(): void {
    const at = this.lx.next().at;
    this.expect("(");
    const name = this.lx.next();
    if (name.kind !== "word") this.lx.error(`expected a symbol name in ENTRY, found '${name.text}'`, name.at);
    this.expect(")");
    this.optional(";");
    this.script_.entry = { symbol: name.text, at };
  }

  private outputFormat(): void {
    this.lx.next();
    this.expect("(");
    for (;;) {
      const f = this.lx.next("pattern");
      if (f.kind !== "word") this.lx.error(`expected an output format name, found '${f.text}'`, f.at);
      if (f.text !== "elf32-i386") this.lx.error(`output format '${f.text}' is not supported: ts386 link writes elf32-i386`, f.at);
      if (!this.optional(",")) break;
    }
    this.expect(")");
    this.optional(";");
  }

  private outputArch(): void {
    this.lx.next();
    this.expect("(");
    const a = this.lx.next("pattern");
    if (a.text !== "i386" && a.text !== "i386:i386") {
      this.lx.error(`output architecture '${a.text}' is not supported: ts386 link writes i386`, a.at);
    }
    this.expect(")");
    this.optional(";");
  }

  private sections(): void {
    const at = this.lx.next().at;
    if (this.script_.hasSections) this.lx.error("a second SECTIONS command is not supported", at);
    this.script_.hasSections = true;
    this.expect("{");
    for (;;) {
      const t = this.lx.peek();
      if (this.isPunct(t, "}")) {
        this.lx.next();
        return;
      }
      if (t.kind === "eof") this.lx.error("missing '}' at the end of SECTIONS", t.at);
      if (this.isPunct(t, ";")) {
        this.lx.next();
        continue;
      }
      if (t.kind === "word" && t.text === "ENTRY") {
        this.entry();
        continue;
      }
      if (t.kind === "word" && t.text === "ASSERT") {
        this.script_.statements.push(this.assertion());
        continue;
      }
      if (t.kind !== "word") this.lx.error(`expected an output section or an assignment, found '${t.text}'`, t.at);
      if (this.startsAssignment()) {
        this.script_.statements.push(this.assignment(true));
      } else if (UNSUPPORTED_COMMANDS.has(t.text)) {
        this.lx.error(`'${t.text}' is not supported by ts386 link (see docs/linker.md for the script subset)`, t.at);
      } else if (this.looksLikeCommand()) {
        this.lx.error(`unknown command '${t.text}' in SECTIONS (expected an output section or an assignment)`, t.at);
      } else {
        this.script_.statements.push(this.outputSection());
      }
    }
  }

  /** NAME [ADDRESS] : [ALIGN(n)] { items } */
  private outputSection(): OutputSectionStatement {
    const nameTok = this.lx.next("pattern");
    const os: OutputSectionStatement = { kind: "output-section", name: nameTok.text, items: [], noload: false, at: nameTok.at };
    let t = this.lx.peek();
    if (!this.isPunct(t, ":")) {
      if (!this.sectionType(os)) {
        os.address = this.expression();
        this.sectionType(os);
      }
      t = this.lx.peek();
      if (!this.isPunct(t, ":")) this.lx.error(`expected ':' after the output section name '${os.name}', found '${t.text}'`, t.at);
    }
    this.lx.next();
    for (;;) {
      t = this.lx.peek();
      if (t.kind === "word" && t.text === "ALIGN") {
        this.lx.next();
        this.expect("(");
        os.align = this.expression();
        this.expect(")");
      } else if (t.kind === "word" && t.text === "AT" && this.isPunct(this.peekSecond(), "(")) {
        this.lx.next();
        this.expect("(");
        os.loadAddress = this.expression();
        this.expect(")");
      } else if (t.kind === "word" && ["AT", "SUBALIGN", "ALIGN_WITH_INPUT", "ONLY_IF_RO", "ONLY_IF_RW"].includes(t.text)) {
        this.lx.error(`'${t.text}' on an output section is not supported by ts386 link`, t.at);
      } else {
        break;
      }
    }
    this.expect("{");
    for (;;) {
      t = this.lx.peek("pattern");
      if (this.isPunct(t, "}")) {
        this.lx.next();
        break;
      }
      if (t.kind === "eof") this.lx.error(`missing '}' at the end of output section '${os.name}'`, t.at);
      if (this.isPunct(t, ";")) {
        this.lx.next();
        continue;
      }
      if (t.kind === "word" && t.text === "CONSTRUCTORS") {
        // GNU ld ignores CONSTRUCTORS for ELF output (constructors live in .ctors/.init_array).
        this.lx.next("pattern");
        continue;
      }
      os.items.push(this.outputSectionItem());
    }
    // Trailers: =FILL; >REGION, AT>REGION and :PHDR are not supported.
    t = this.lx.peek();
    if (this.isPunct(t, "=")) {
      this.lx.next();
      os.fill = this.expression();
      t = this.lx.peek();
    }
    if (this.isPunct(t, ">") || this.isPunct(t, ":") || (t.kind === "word" && t.text === "AT")) {
      this.lx.error("memory regions and program headers after an output section are not supported by ts386 link", t.at);
    }
    this.optional(",");
    return os;
  }

  /** `(NOLOAD)` after the name or address; other section types are errors. Returns whether one was read. */
  private sectionType(os: OutputSectionStatement): boolean {
    if (!this.isPunct(this.lx.peek(), "(")) return false;
    const saved = this.lx.save();
    this.lx.next();
    const inner = this.lx.next();
    if (inner.kind === "word" && inner.text === "NOLOAD" && this.isPunct(this.lx.peek(), ")")) {
      this.lx.next();
      os.noload = true;
      return true;
    }
    if (inner.kind === "word" && ["DSECT", "COPY", "INFO", "OVERLAY", "READONLY", "TYPE"].includes(inner.text)) {
      this.lx.error(`output section type '(${inner.text})' is not supported by ts386 link`, inner.at);
    }
    this.lx.restore(saved);
    return false;
  }

  /** ASSERT(expr, "message") */
  private assertion(): Assertion {
    const at = this.lx.next().at;
    this.expect("(");
    const condition = this.expression();
    this.expect(",");
    const message = this.lx.next("pattern");
    if (message.kind !== "word") this.lx.error(`expected the message of ASSERT, found '${message.text}'`, message.at);
    this.expect(")");
    this.optional(";");
    return { kind: "assert", condition, message: message.text, at };
  }

  private outputSectionItem(): OutputSectionItem {
    const t = this.lx.peek("pattern");
    if (t.kind === "word" && t.text === "ASSERT") return this.assertion();
    if (t.kind === "word" && t.text === "FILL") {
      this.lx.next("pattern");
      this.expect("(");
      const value = this.expression();
      this.expect(")");
      this.optional(";");
      return { kind: "fill", value, at: t.at };
    }

    const width = t.kind === "word" ? DATA_WIDTHS.get(t.text) : undefined;
    if (width) {
      this.lx.next("pattern");
      this.expect("(");
      const value = this.expression();
      this.expect(")");
      this.optional(";");
      return { kind: "data", width, signed: t.text === "SQUAD", value, at: t.at };
    }
    if (t.kind === "word" && t.text === "KEEP") {
      this.lx.next("pattern");
      this.expect("(");
      const inner = this.inputSection();
      inner.keep = true;
      inner.at = t.at;
      this.expect(")");
      return inner;
    }
    if (t.kind === "word" && UNSUPPORTED_IN_SECTION.has(t.text)) {
      this.lx.error(`'${t.text}' is not supported by ts386 link (see docs/linker.md for the script subset)`, t.at);
    }
    if (this.startsAssignment()) return this.assignment(false);
    return this.inputSection();
  }

  /** FILEPATTERN ( SECTIONPATTERN... ) */
  /** EXCLUDE_FILE(pattern...) once its name has been read. */
  private excludeFileList(): Pattern[] {
    this.expect("(");
    const files: Pattern[] = [];
    for (;;) {
      const f = this.lx.next("pattern");
      if (this.isPunct(f, ")")) break;
      if (this.isPunct(f, ",")) continue;
      if (f.kind !== "word") this.lx.error(`expected a file name pattern in EXCLUDE_FILE, found '${f.text || "end of file"}'`, f.at);
      files.push({ text: f.text, at: f.at });
    }
    if (files.length === 0) this.lx.error("EXCLUDE_FILE needs at least one file pattern", this.lx.location());
    return files;
  }

  private inputSection(): InputSectionDescription {
    let excludeFiles: Pattern[] = [];
    if (this.lx.peek("pattern").text === "EXCLUDE_FILE") {
      this.lx.next("pattern");
      excludeFiles = this.excludeFileList();
    }
    const file = this.lx.next("pattern");
    if (file.kind !== "word") this.lx.error(`expected an input section description such as '*(.text)', found '${file.text}'`, file.at);
    if (UNSUPPORTED_IN_SECTION.has(file.text)) {
      this.lx.error(`'${file.text}' is not supported by ts386 link (see docs/linker.md for the script subset)`, file.at);
    }
    const open = this.lx.peek("pattern");
    if (!this.isPunct(open, "(")) {
      this.lx.error(`expected '(' and section patterns after '${file.text}' (a whole file without a section list is not supported)`, open.at);
    }
    this.lx.next("pattern");
    const sections: Pattern[] = [];
    let excludeNext: Pattern[] | undefined;
    for (;;) {
      const p = this.lx.next("pattern");
      if (this.isPunct(p, ")")) break;
      if (this.isPunct(p, ",")) continue;
      if (p.kind !== "word") this.lx.error(`expected a section name pattern, found '${p.text || "end of file"}'`, p.at);
      if (p.text === "EXCLUDE_FILE") {
        // Applies to the section pattern that follows it only.
        excludeNext = this.excludeFileList();
        continue;
      }
      if (SORTS.has(p.text) && this.isPunct(this.lx.peek("pattern"), "(")) {
        // SORT_BY_NAME(.ctors.*): the sections this pattern matches, sorted.
        this.lx.next("pattern");
        const inner = this.lx.next("pattern");
        if (inner.kind !== "word" || SORTS.has(inner.text)) {
          this.lx.error(`expected one section name pattern inside ${p.text}(), found '${inner.text}'`, inner.at);
        }
        this.expect(")");
        sections.push({ text: inner.text, at: inner.at, sort: SORTS.get(p.text), ...(excludeNext ? { excludeFiles: excludeNext } : {}) });
        excludeNext = undefined;
        continue;
      }
      if (UNSUPPORTED_IN_SECTION.has(p.text)) {
        this.lx.error(`'${p.text}' is not supported by ts386 link (see docs/linker.md for the script subset)`, p.at);
      }
      sections.push({ text: p.text, at: p.at, ...(excludeNext ? { excludeFiles: excludeNext } : {}) });
      excludeNext = undefined;
    }
    if (sections.length === 0) this.lx.error(`no section patterns in '${file.text}()'`, file.at);
    return { kind: "input", file: { text: file.text, at: file.at }, excludeFiles, sections, keep: false, at: file.at };
  }

  /** The token after the next one. */
  private peekSecond(): Token {
    const saved = this.lx.save();
    try {
      this.lx.next();
      return this.lx.next();
    } finally {
      this.lx.restore(saved);
    }
  }

  /** Looks ahead: an upper-case word followed by `(`, which is a command, not an output section. */
  private looksLikeCommand(): boolean {
    const saved = this.lx.save();
    try {
      const word = this.lx.next();
      return /^[A-Z][A-Z0-9_]*$/.test(word.text) && this.isPunct(this.lx.next(), "(");
    } finally {
      this.lx.restore(saved);
    }
  }

  /** Looks ahead: `NAME op`, `PROVIDE(`, `PROVIDE_HIDDEN(`. */
  private startsAssignment(): boolean {
    const saved = this.lx.save();
    try {
      const first = this.lx.next();
      if (first.kind !== "word") return false;
      if (first.text === "PROVIDE" || first.text === "PROVIDE_HIDDEN" || first.text === "HIDDEN") {
        return this.isPunct(this.lx.next(), "(");
      }
      const op = this.lx.next();
      return op.kind === "punct" && ASSIGN_OPERATORS.has(op.text);
    } finally {
      this.lx.restore(saved);
    }
  }

  private assignment(topLevel: boolean): Assignment {
    const first = this.lx.next();
    let a: Assignment;
    if (first.text === "PROVIDE" || first.text === "PROVIDE_HIDDEN" || first.text === "HIDDEN") {
      // PROVIDE defines only if needed; HIDDEN always, as a local symbol.
      this.expect("(");
      const target = this.lx.next();
      a = this.assignmentRest(target, first.at);
      a.provide = first.text !== "HIDDEN";
      a.hidden = first.text !== "PROVIDE";
      if (a.target === ".") this.lx.error(`${first.text} cannot assign the location counter '.'`, target.at);
      this.expect(")");
    } else {
      a = this.assignmentRest(first, first.at);
    }
    const end = this.lx.peek();
    // ld accepts a missing ';' only before a closing brace; we do the same.
    if (!this.optional(";") && !(this.isPunct(end, "}") && !topLevel)) {
      this.lx.error(`expected ';' after the assignment to '${a.target}', found '${end.text || "end of file"}'`, end.at);
    }
    return a;
  }

  private assignmentRest(target: Token, at: SourceLocation): Assignment {
    if (target.kind !== "word") this.lx.error(`expected a symbol name, found '${target.text}'`, target.at);
    const op = this.lx.next();
    if (op.kind !== "punct" || !ASSIGN_OPERATORS.has(op.text)) {
      this.lx.error(`expected '=' after '${target.text}', found '${op.text}'`, op.at);
    }
    const value = this.expression();
    return { kind: "assignment", target: target.text, op: op.text as AssignOperator, value, provide: false, hidden: false, at };
  }

  expression(): Expression {
    const test = this.binary(0);
    const q = this.lx.peek();
    if (!this.isPunct(q, "?")) return test;
    this.lx.next();
    const then = this.expression();
    this.expect(":");
    const otherwise = this.expression();
    return { kind: "conditional", test, then, otherwise, at: q.at };
  }

  private binary(level: number): Expression {
    if (level === BINARY_LEVELS.length) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const t = this.lx.peek();
      if (t.kind !== "punct" || !(BINARY_LEVELS[level] as string[]).includes(t.text)) return left;
      this.lx.next();
      const right = this.binary(level + 1);
      left = { kind: "binary", op: t.text as BinaryOperator, left, right, at: t.at };
    }
  }

  private unary(): Expression {
    const t = this.lx.peek();
    if (t.kind === "punct" && (t.text === "-" || t.text === "~" || t.text === "!" || t.text === "+")) {
      this.lx.next();
      return { kind: "unary", op: t.text, operand: this.unary(), at: t.at };
    }
    return this.primary();
  }

  private primary(): Expression {
    const t = this.lx.next();
    if (t.kind === "number") {
      return /^0[xX][0-9a-fA-F]+$/.test(t.text) ? { kind: "number", value: t.value, hex: t.text.slice(2), at: t.at } : { kind: "number", value: t.value, at: t.at };
    }
    if (this.isPunct(t, "(")) {
      const e = this.expression();
      this.expect(")");
      return e;
    }
    if (t.kind === "word") {
      if (t.text === ".") return { kind: "dot", at: t.at };
      if (t.text === "SIZEOF_HEADERS") return { kind: "call", name: t.text, args: [], at: t.at };
      if (this.isPunct(this.lx.peek(), "(")) {
        const arity = FUNCTIONS.get(t.text);
        if (!arity) this.lx.error(`function '${t.text}' is not supported in ts386 link scripts`, t.at);
        this.lx.next();
        const args: Expression[] = [];
        if (NAME_ARGUMENT.has(t.text)) {
          const n = this.lx.next("pattern");
          if (n.kind !== "word") this.lx.error(`expected a name in ${t.text}(), found '${n.text}'`, n.at);
          args.push({ kind: "name", name: n.text, at: n.at });
        } else {
          args.push(this.expression());
          while (this.optional(",")) args.push(this.expression());
        }
        this.expect(")");
        if (!arity.includes(args.length)) this.lx.error(`${t.text}() takes ${arity.join(" or ")} argument(s), not ${args.length}`, t.at);
        return { kind: "call", name: t.text, args, at: t.at };
      }
      return { kind: "symbol", name: t.text, at: t.at };
    }
    this.lx.error(`expected an expression, found '${t.text || "end of file"}'`, t.at);
  }

  private isPunct(t: Token, text: string): boolean {
    return t.kind === "punct" && t.text === text;
  }

  private expect(text: string): Token {
    const t = this.lx.next();
    if (!this.isPunct(t, text)) this.lx.error(`expected '${text}', found '${t.text || "end of file"}'`, t.at);
    return t;
  }

  private optional(text: string): boolean {
    if (this.isPunct(this.lx.peek(), text)) {
      this.lx.next();
      return true;
    }
    return false;
  }
}
