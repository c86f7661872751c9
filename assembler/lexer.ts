// The NASM tokenizer: one source line in, tokens out. Shared by the preprocessor
// (%if/%assign expressions, macro arguments) and the parser.
//
// Numbers follow NASM: 0x1f 1fh $1f 0h1f (hex), 0b101 101b 0y101 (binary),
// 0o17 17o 17q 0q17 (octal), 0d99 99d 0t99 (decimal); underscores are ignored.
// Strings: '...' and "..." are taken literally, `...` understands C escapes.

import { fail, sourceExcerpt, type SourceLocation } from "../common/diagnostics.js";

export type TokenKind = "id" | "num" | "str" | "punct";

export interface Token {
  kind: TokenKind;
  /** Identifier or punctuation text; for strings the raw source including quotes. */
  text: string;
  /** Numeric value of a number token. */
  value: number;
  /** Bytes of a string token. */
  bytes: number[] | undefined;
  /** 1-based column in the line. */
  col: number;
  /** An identifier written `$name`: never a keyword or register. */
  escaped: boolean;
}

/** Where a line came from, for diagnostics. */
export interface LineOrigin {
  file: string;
  line: number;
  /** The text of the line, for the excerpt under the message. */
  text: string;
  /** For a line a macro call produced: the macro and where its definition is. */
  macro?: { name: string; file: string; line: number };
}

/** The notes under a message: the line with a caret, and the macro it came from. */
export function originNotes(origin: LineOrigin, col: number): string[] {
  const notes = sourceExcerpt(origin.text, 1, col);
  const m = origin.macro;
  if (m) notes.push(`    (the line above is ${m.file}(${m.line}), in macro '${m.name}' called here)`);
  return notes;
}

export function errorAt(origin: LineOrigin, col: number, message: string): never {
  const loc: SourceLocation = { file: origin.file, line: origin.line, column: col };
  fail(message, loc, { notes: originNotes(origin, col) });
}

/** 1 for the characters that start (ID_START) or continue (ID_CHAR) a name; read directly in scanning loops. */
export const ID_START = new Uint8Array(128);
export const ID_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_.?@]/.test(ch)) ID_START[c] = 1;
  if (/[A-Za-z0-9_$#@~.?]/.test(ch)) ID_CHAR[c] = 1;
}

export function isIdStart(c: number): boolean {
  return c < 128 && ID_START[c] === 1;
}
export function isIdChar(c: number): boolean {
  return c < 128 && ID_CHAR[c] === 1;
}

const TWO_CHAR = new Set(["<<", ">>", "//", "%%", "==", "!=", "<>", "<=", ">=", "&&", "||", "^^", "$$"]);
const TWO_CHAR_SECOND = new Set([...TWO_CHAR].map((p) => p.charCodeAt(1)));

/** Parses a NASM number literal (the text of a token starting with a digit or `$digit`). */
export function parseNumber(text: string): number | undefined {
  const big = parseBigNumber(text);
  // Values wider than 64 bits wrap the way NASM's int64 arithmetic does; keep the
  // low 64 bits and read them as signed.
  return big === undefined ? undefined : Number(BigInt.asIntN(64, big));
}

/** The exact value of a number literal. */
export function parseBigNumber(text: string): bigint | undefined {
  let t = text.replace(/_/g, "").toLowerCase();
  let radix = 10;
  if (t.startsWith("$")) {
    radix = 16;
    t = t.slice(1);
  } else if (/^0[xh]/.test(t)) {
    radix = 16;
    t = t.slice(2);
  } else if (/^0[by]/.test(t)) {
    radix = 2;
    t = t.slice(2);
  } else if (/^0[oq]/.test(t)) {
    radix = 8;
    t = t.slice(2);
  } else if (/^0[dt]/.test(t)) {
    radix = 10;
    t = t.slice(2);
  } else if (/^[0-9][0-9a-f]*h$/.test(t)) {
    radix = 16;
    t = t.slice(0, -1);
  } else if (/^[01]+[by]$/.test(t)) {
    radix = 2;
    t = t.slice(0, -1);
  } else if (/^[0-7]+[oq]$/.test(t)) {
    radix = 8;
    t = t.slice(0, -1);
  } else if (/^[0-9]+[dt]$/.test(t)) {
    t = t.slice(0, -1);
  }
  if (t.length === 0) return undefined;
  const digits = radix === 16 ? /^[0-9a-f]+$/ : radix === 8 ? /^[0-7]+$/ : radix === 2 ? /^[01]+$/ : /^[0-9]+$/;
  if (!digits.test(t)) return undefined;
  return BigInt(radix === 10 ? t : (radix === 16 ? "0x" : radix === 8 ? "0o" : "0b") + t);
}

function backquoteBytes(body: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c !== 92 /* \ */ || i + 1 >= body.length) {
      out.push(...utf8(body[i]!));
      continue;
    }
    const e = body[++i]!;
    const simple: Record<string, number> = { n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, e: 27, "0": 0, "\\": 92, "'": 39, '"': 34, "`": 96, "?": 63 };
    if (e === "x") {
      let hex = "";
      while (hex.length < 2 && /[0-9a-fA-F]/.test(body[i + 1] ?? "")) hex += body[++i];
      out.push(parseInt(hex || "0", 16));
    } else if (/[0-7]/.test(e)) {
      let oct = e;
      while (oct.length < 3 && /[0-7]/.test(body[i + 1] ?? "")) oct += body[++i];
      out.push(parseInt(oct, 8) & 0xff);
    } else if (e in simple) {
      out.push(simple[e]!);
    } else {
      out.push(...utf8(e));
    }
  }
  return out;
}

/**
 * The bytes of one character of a string. Sources are read as latin1 (one character per
 * byte, so UTF-8 text passes through unchanged); characters beyond 0xFF can only come
 * from API callers and are encoded as UTF-8.
 */
function utf8(s: string): number[] {
  const c = s.charCodeAt(0);
  return c < 256 ? [c] : [...Buffer.from(s, "utf8")];
}

export function stringBytes(raw: string): number[] {
  const q = raw[0];
  const body = raw.slice(1, -1);
  if (q === "`") return backquoteBytes(body);
  const out: number[] = [];
  for (const ch of body) out.push(...utf8(ch));
  return out;
}

/** A character constant as a number: the bytes little-endian, as NASM packs them. */
export function charConstant(bytes: number[]): number {
  let v = 0;
  for (let i = Math.min(bytes.length, 8) - 1; i >= 0; i--) v = v * 256 + bytes[i]!;
  return v;
}

const scratch: Token[] = [];

/**
 * Splits one line into tokens, stopping at a `;` comment. `origin` is used for
 * error messages (an unterminated string, a malformed number).
 */
export function tokenize(line: string, origin: LineOrigin): Token[] {
  // Tokens gather in one scratch list (a list grown by push reallocates as it grows);
  // the caller gets a copy of exactly their number.
  const out = scratch;
  let count = 0;
  const n = line.length;
  let i = 0;
  while (i < n) {
    const c = line.charCodeAt(i);
    if (c === 32 || c === 9 || c === 13 || c === 12 || c === 11) {
      i++;
      continue;
    }
    if (c === 59 /* ; */) break;
    const start = i;
    if (isIdStart(c) || (c === 36 /* $ */ && i + 1 < n && isIdStart(line.charCodeAt(i + 1)))) {
      // `$name` escapes a name that would otherwise be a keyword or register.
      if (c === 36) i++;
      i++;
      // No read past the end: optimized code reading there is thrown away (an out-of-bounds deopt).
      while (i < n) {
        const d = line.charCodeAt(i);
        if (d >= 128 || ID_CHAR[d] !== 1) break;
        i++;
      }
      out[count++] = { kind: "id", text: line.slice(c === 36 ? start + 1 : start, i), value: 0, bytes: undefined, col: start + 1, escaped: c === 36 };
      continue;
    }
    if ((c >= 48 && c <= 57) || (c === 36 && i + 1 < n && line.charCodeAt(i + 1) >= 48 && line.charCodeAt(i + 1) <= 57)) {
      // Plain decimal is by far the most common case: its value is read while scanning.
      let decimal = c !== 36 ? c - 48 : -1;
      i++;
      while (i < n) {
        const d = line.charCodeAt(i);
        if (d >= 48 && d <= 57) {
          if (decimal >= 0) decimal = decimal * 10 + (d - 48);
          i++;
        } else if ((d >= 65 && d <= 90) || (d >= 97 && d <= 122) || d === 95) {
          decimal = -1;
          i++;
        } else break;
      }
      const text = line.slice(start, i);
      let value: number | undefined;
      if (decimal >= 0 && i - start <= 15) value = decimal;
      else value = parseNumber(text);
      if (value === undefined) errorAt(origin, start + 1, `invalid number '${text}'`);
      out[count++] = { kind: "num", text, value, bytes: undefined, col: start + 1, escaped: false };
      continue;
    }
    if (c === 39 || c === 34 || c === 96) {
      let j = i + 1;
      while (j < n && line.charCodeAt(j) !== c) {
        if (c === 96 && line.charCodeAt(j) === 92) j++;
        j++;
      }
      if (j >= n) errorAt(origin, start + 1, "unterminated string");
      const raw = line.slice(i, j + 1);
      out[count++] = { kind: "str", text: raw, value: 0, bytes: stringBytes(raw), col: start + 1, escaped: false };
      i = j + 1;
      continue;
    }
    // Only slice out a pair when its second character can make one (saves a string per comma or bracket).
    const two = i + 1 < n && TWO_CHAR_SECOND.has(line.charCodeAt(i + 1)) ? line.slice(i, i + 2) : "";
    if (TWO_CHAR.has(two)) {
      out[count++] = { kind: "punct", text: two === "<>" ? "!=" : two, value: 0, bytes: undefined, col: start + 1, escaped: false };
      i += 2;
      continue;
    }
    out[count++] = { kind: "punct", text: line[i]!, value: 0, bytes: undefined, col: start + 1, escaped: false };
    i++;
  }
  return out.slice(0, count);
}
