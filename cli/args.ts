// A small, strict argument parser for the ts386 subcommands: unknown options and
// missing values are usage errors (exit status 2), never silently ignored.

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export interface OptionSpec {
  /** Takes a value (`-o FILE`, `--target=kernel`). */
  value?: boolean;
  /** May repeat; values are collected in order. */
  repeat?: boolean;
  /** Allowed values. */
  choices?: string[];
}

export interface ParsedArgs {
  positional: string[];
  options: Map<string, string[]>;
  flags: Set<string>;
}

/** Parses `argv` against `spec` (keys are option names with dashes: "-o", "--target"). */
export function parseArgs(argv: string[], spec: Record<string, OptionSpec>): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string[]>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positional.push(arg);
      continue;
    }
    let name = arg;
    let inline: string | undefined;
    const eq = arg.indexOf("=");
    if (arg.startsWith("--") && eq > 0) {
      name = arg.slice(0, eq);
      inline = arg.slice(eq + 1);
    } else if (!arg.startsWith("--") && arg.length > 2 && spec[arg.slice(0, 2)]?.value) {
      // -DNAME=VALUE, -oFILE
      name = arg.slice(0, 2);
      inline = arg.slice(2);
    }
    const s = spec[name];
    if (!s) throw new UsageError(`unknown option '${name}'`);
    if (!s.value) {
      if (inline !== undefined) throw new UsageError(`option '${name}' takes no value`);
      flags.add(name);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new UsageError(`option '${name}' needs a value`);
    if (s.choices && !s.choices.includes(value)) {
      throw new UsageError(`option '${name}' must be one of ${s.choices.join(", ")}, not '${value}'`);
    }
    const list = options.get(name) ?? [];
    if (list.length > 0 && !s.repeat) throw new UsageError(`option '${name}' given twice`);
    list.push(value);
    options.set(name, list);
  }
  return { positional, options, flags };
}

export function single(args: ParsedArgs, name: string): string | undefined {
  return args.options.get(name)?.[0];
}

export function required(args: ParsedArgs, name: string): string {
  const v = single(args, name);
  if (v === undefined) throw new UsageError(`missing required option '${name}'`);
  return v;
}

/** Parses NAME=VALUE (or NAME alone, meaning true) definitions. */
export function parseDefines(list: string[] | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of list ?? []) {
    const eq = d.indexOf("=");
    const name = eq < 0 ? d : d.slice(0, eq);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new UsageError(`bad definition '${d}': expected NAME or NAME=VALUE`);
    out.set(name, eq < 0 ? "true" : d.slice(eq + 1));
  }
  return out;
}
