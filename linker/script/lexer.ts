// Tokens of a GNU ld script. ld's own lexer changes its word rules with the
// context (a `-` is an operator in an expression but part of a file pattern), so
// the parser tells the lexer which kind of word it expects next.

import { fail, sourceExcerpt, type SourceLocation } from "../../common/diagnostics.js";

export type TokenKind = "word" | "number" | "punct" | "eof";

export interface Token {
  kind: TokenKind;
  text: string;
  /** Numeric value for "number" tokens. */
  value: number;
  at: SourceLocation;
}

/** Word rules: expressions and section names, or input-section glob patterns. */
export type WordMode = "expression" | "pattern";

const EXPRESSION_START = /[A-Za-z_.$]/;
const EXPRESSION_PART = /[A-Za-z0-9_.$]/;
// ld's WILDCHAR set, minus the characters that separate patterns.
const PATTERN_PART = /[A-Za-z0-9_.$*?[\]\-!^/\\~+]/;

// Longest first, so that "<<=" wins over "<<" and "<".
const PUNCTUATION = ["<<=", ">>=", "+=", "-=", "*=", "/=", "&=", "|=", "<<", ">>", "<=", ">=", "==", "!=",
  "&&", "||", "(", ")", "{", "}", ";", ",", ":", "=", "+", "-", "*", "/", "%", "&", "|", "^", "~", "!",
  "<", ">", "?"];

export class Lexer {
  private pos = 0;
  private line = 1;
  private column = 1;
  private peeked: { mode: WordMode; token: Token; end: [number, number, number] } | undefined;

  constructor(readonly text: string, readonly fileName: string) {}

  location(): SourceLocation {
    return { file: this.fileName, line: this.line, column: this.column };
  }

  /** Throws a diagnostic at `at` with the script line and a caret. */
  error(message: string, at: SourceLocation): never {
    fail(message, at, { notes: sourceExcerpt(this.text, at.line, at.column) });
  }

  /** Saves the position, for the parser's two-token look-ahead. */
  save(): [number, number, number] {
    this.peeked = undefined;
    return [this.pos, this.line, this.column];
  }

  restore(state: [number, number, number]): void {
    this.peeked = undefined;
    [this.pos, this.line, this.column] = state;
  }

  peek(mode: WordMode = "expression"): Token {
    if (this.peeked && this.peeked.mode === mode) return this.peeked.token;
    const saved: [number, number, number] = [this.pos, this.line, this.column];
    const token = this.scan(mode);
    const end: [number, number, number] = [this.pos, this.line, this.column];
    [this.pos, this.line, this.column] = saved;
    this.peeked = { mode, token, end };
    return token;
  }

  next(mode: WordMode = "expression"): Token {
    const token = this.peek(mode);
    [this.pos, this.line, this.column] = this.peeked!.end;
    this.peeked = undefined;
    return token;
  }

  private advance(n: number): void {
    for (let i = 0; i < n; i++) {
      if (this.text[this.pos] === "\n") {
        this.line++;
        this.column = 1;
      } else {
        this.column++;
      }
      this.pos++;
    }
  }

  private skipBlanks(): void {
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined) return;
      if (c === " " || c === "\t" || c === "\r" || c === "\n" || c === "\f" || c === "\v") {
        this.advance(1);
      } else if (c === "/" && this.text[this.pos + 1] === "*") {
        const at = this.location();
        const end = this.text.indexOf("*/", this.pos + 2);
        if (end < 0) this.error("unterminated comment", at);
        this.advance(end + 2 - this.pos);
      } else {
        return;
      }
    }
  }

  private scan(mode: WordMode): Token {
    this.skipBlanks();
    const at = this.location();
    const rest = this.text.slice(this.pos);
    if (rest.length === 0) return { kind: "eof", text: "", value: 0, at };
    const c = rest[0]!;

    if (rest.startsWith("/DISCARD/")) {
      this.advance(9);
      return { kind: "word", text: "/DISCARD/", value: 0, at };
    }
    if (c === "\"") {
      const end = rest.indexOf("\"", 1);
      if (end < 0) this.error("unterminated string", at);
      this.advance(end + 1);
      return { kind: "word", text: rest.slice(1, end), value: 0, at };
    }
    if (mode === "expression" && /[0-9]/.test(c)) {
      const m = /^(0[xX][0-9a-fA-F]+|[0-9]+)([KM]?)(?![A-Za-z0-9_.$])/.exec(rest);
      if (!m) this.error(`malformed number '${/^[A-Za-z0-9_.$]+/.exec(rest)![0]}'`, at);
      this.advance(m[0].length);
      return { kind: "number", text: m[0], value: parseNumber(m[1]!, m[2]!), at };
    }
    if (mode === "pattern" ? PATTERN_PART.test(c) : EXPRESSION_START.test(c)) {
      const part = mode === "pattern" ? PATTERN_PART : EXPRESSION_PART;
      let n = 1;
      while (n < rest.length && part.test(rest[n]!)) {
        // A pattern never swallows the start of a comment.
        if (mode === "pattern" && rest[n] === "/" && rest[n + 1] === "*") break;
        n++;
      }
      this.advance(n);
      return { kind: "word", text: rest.slice(0, n), value: 0, at };
    }
    for (const p of PUNCTUATION) {
      if (rest.startsWith(p)) {
        this.advance(p.length);
        return { kind: "punct", text: p, value: 0, at };
      }
    }
    this.error(`unexpected character '${c}'`, at);
  }
}

/** ld's number syntax: 0x hex, a leading 0 for octal, decimal; K (×1024) and M (×1024²) suffixes. */
function parseNumber(digits: string, suffix: string): number {
  let value: number;
  if (/^0[xX]/.test(digits)) value = parseInt(digits.slice(2), 16);
  else if (digits.length > 1 && digits.startsWith("0") && /^[0-7]+$/.test(digits)) value = parseInt(digits, 8);
  else value = parseInt(digits, 10);
  if (suffix === "K") value *= 1024;
  if (suffix === "M") value *= 1024 * 1024;
  return value;
}
