// Diagnostics shared by every tool: one shape, printed the way tsc prints them,
// so editors and CI problem matchers understand the assembler and linker too.
//
//   kernel/paging.ts(42,13): error TS386nnnn: message
//   boot/isr.asm(17,5): error: message
//   linker: undefined symbol 'foo' referenced from isr.o(.text+0x1a)

export interface SourceLocation {
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
}

export type Severity = "error" | "warning";

export interface Diagnostic {
  severity: Severity;
  message: string;
  /** Where in a source file, if the problem has a place. */
  location?: SourceLocation;
  /** A tool prefix when there is no source location, e.g. "linker". */
  origin?: string;
  /** Diagnostic code such as "TS3861001"; omitted by tools that do not number them. */
  code?: string;
  /** Optional extra lines (the offending source line, a caret) printed after the message. */
  notes?: string[];
}

export function formatDiagnostic(d: Diagnostic): string {
  const code = d.code ? ` ${d.code}` : "";
  let head: string;
  if (d.location) {
    head = `${d.location.file}(${d.location.line},${d.location.column}): ${d.severity}${code}: ${d.message}`;
  } else if (d.origin) {
    head = `${d.origin}: ${d.severity}${code}: ${d.message}`;
  } else {
    head = `${d.severity}${code}: ${d.message}`;
  }
  return d.notes && d.notes.length > 0 ? [head, ...d.notes].join("\n") : head;
}

/**
 * Thrown when the input is wrong (exit status 1). Anything else that escapes a
 * tool is a toolchain bug and is reported as "internal error".
 */
export class DiagnosticError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join("\n"));
    this.name = "DiagnosticError";
    this.diagnostics = diagnostics;
  }
}

/** Collects diagnostics during a pass and throws them together at the end. */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];
  error(message: string, location?: SourceLocation, extra: Partial<Diagnostic> = {}): void {
    this.items.push({ severity: "error", message, location, ...extra });
  }
  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === "error");
  }
  throwIfErrors(): void {
    if (this.hasErrors) throw new DiagnosticError(this.items);
  }
}

/** Convenience: throw a single error at a location. */
export function fail(message: string, location?: SourceLocation, extra: Partial<Diagnostic> = {}): never {
  throw new DiagnosticError([{ severity: "error", message, location, ...extra }]);
}

/** The offending source line with a caret under the column, for notes. */
export function sourceExcerpt(text: string, line: number, column: number): string[] {
  const src = text.split(/\r?\n/)[line - 1];
  if (src === undefined) return [];
  return [`    ${src}`, `    ${" ".repeat(Math.max(0, column - 1))}^`];
}
