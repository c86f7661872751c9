// The parsed form of a GNU ld linker script (the subset ts386 reads).
// Every node keeps its source location so later stages report errors at the
// script line and column that caused them.

import type { SourceLocation } from "../../common/diagnostics.js";

export type BinaryOperator =
  | "*" | "/" | "%" | "+" | "-" | "<<" | ">>" | "<" | "<=" | ">" | ">=" | "==" | "!="
  | "&" | "^" | "|" | "&&" | "||";

export type Expression =
  /** `hex`: the digits of a plain 0x literal, which ld turns into a fill pattern as written. */
  | { kind: "number"; value: number; hex?: string; at: SourceLocation }
  | { kind: "dot"; at: SourceLocation }
  | { kind: "symbol"; name: string; at: SourceLocation }
  | { kind: "unary"; op: "-" | "~" | "!" | "+"; operand: Expression; at: SourceLocation }
  | { kind: "binary"; op: BinaryOperator; left: Expression; right: Expression; at: SourceLocation }
  | { kind: "conditional"; test: Expression; then: Expression; otherwise: Expression; at: SourceLocation }
  /** ALIGN, BLOCK, ABSOLUTE, MAX, MIN, DEFINED, ADDR, SIZEOF, ALIGNOF, CONSTANT, SIZEOF_HEADERS. */
  | { kind: "call"; name: string; args: Expression[]; at: SourceLocation }
  /** A section name argument of ADDR/SIZEOF/ALIGNOF, or a CONSTANT name. */
  | { kind: "name"; name: string; at: SourceLocation };

export type AssignOperator = "=" | "+=" | "-=" | "*=" | "/=" | "<<=" | ">>=" | "&=" | "|=";

/** `sym = expr;`, `. = expr;`, `PROVIDE(sym = expr);`, `PROVIDE_HIDDEN(...)`. */
export interface Assignment {
  kind: "assignment";
  target: string; // "." for the location counter
  op: AssignOperator;
  value: Expression;
  provide: boolean;
  hidden: boolean;
  at: SourceLocation;
}

/** A glob pattern as written (`*`, `.text.*`, `boot.o`). */
export interface Pattern {
  text: string;
  at: SourceLocation;
  /** SORT / SORT_BY_NAME(pattern), SORT_BY_ALIGNMENT(pattern): the order of the matched sections. */
  sort?: "name" | "alignment";
  /** EXCLUDE_FILE(...) just before this section pattern: files it does not take sections from. */
  excludeFiles?: Pattern[];
}

/** `FILES(SECTIONS...)` inside an output section, optionally wrapped in KEEP(). */
export interface InputSectionDescription {
  kind: "input";
  file: Pattern;
  /** EXCLUDE_FILE(...) before the file pattern: files none of the section patterns take. */
  excludeFiles: Pattern[];
  sections: Pattern[];
  keep: boolean;
  at: SourceLocation;
}

/** `BYTE(expr)`, `SHORT`, `LONG`, `QUAD`, `SQUAD`: data placed at `.`. */
export interface DataStatement {
  kind: "data";
  width: 1 | 2 | 4 | 8;
  /** SQUAD: sign-extended to 8 bytes. */
  signed: boolean;
  value: Expression;
  at: SourceLocation;
}

/** `FILL(expr)`: the pattern for the gaps that follow in this output section. */
export interface FillStatement {
  kind: "fill";
  value: Expression;
  at: SourceLocation;
}

/** `ASSERT(expr, "message")`: the link fails with the message if expr is 0. */
export interface Assertion {
  kind: "assert";
  condition: Expression;
  message: string;
  at: SourceLocation;
}

export type OutputSectionItem = Assignment | InputSectionDescription | DataStatement | Assertion | FillStatement;

export interface OutputSectionStatement {
  kind: "output-section";
  /** Output section name; "/DISCARD/" drops what it matches. */
  name: string;
  address?: Expression;
  /** `ALIGN(n)` after the colon: minimum alignment of the output section. */
  align?: Expression;
  /** `AT(lma)` after the colon: the load (physical) address, when it differs from the address. */
  loadAddress?: Expression;
  /** `(NOLOAD)`: allocated, but nothing is loaded into it (SHT_NOBITS). */
  noload: boolean;
  /** `=fill` after the closing brace: the pattern for the section's gaps. */
  fill?: Expression;
  items: OutputSectionItem[];
  at: SourceLocation;
}

export type SectionsItem = Assignment | OutputSectionStatement | Assertion;

export interface Script {
  fileName: string;
  entry?: { symbol: string; at: SourceLocation };
  /** Assignments before SECTIONS, then the SECTIONS body, in source order. */
  statements: SectionsItem[];
  /** True when SECTIONS appeared (without it, sections are all placed as orphans). */
  hasSections: boolean;
}
