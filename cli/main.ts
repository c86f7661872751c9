// The `ts386` command: dispatches to one subcommand per file in this folder.
// Exit status: 0 success; 1 the input is wrong (diagnostics printed); 2 usage error;
// 3 a toolchain bug, reported as "internal error: ..." rather than a bare stack trace.

import { DiagnosticError, formatDiagnostic } from "../common/diagnostics.js";
import { UsageError } from "./args.js";
import { commands } from "./commands.js";

export const USAGE = `usage: ts386 <command> [options]

commands:
  ts386 asm     IN.asm -o OUT.o [-D NAME=VALUE]...
  ts386 compile ENTRY.ts -o OUT.o [--target kernel|linux] [--define NAME=VALUE]... [--emit-asm OUT.asm] [--emit-ir OUT.ir]
  ts386 link    OBJ... -o OUT [-T SCRIPT] [--target kernel|linux]
  ts386 iso     KERNEL.elf -o OUT.iso [--grub-cfg FILE]
  ts386 build   ENTRY.ts -o OUT [--target kernel|linux] [--define NAME=VALUE]...
  ts386 addr2line EXECUTABLE ADDR...

Run 'ts386 <command> --help' for the options of one command.`;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s + "\n"),
  err: (s) => process.stderr.write(s + "\n"),
};

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    (name === undefined ? io.err : io.out)(USAGE);
    return name === undefined ? 2 : 0;
  }
  if (name === "--version") {
    io.out("ts386 0.1.0");
    return 0;
  }
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) {
    io.err(`ts386: unknown command '${name}'\n\n${USAGE}`);
    return 2;
  }
  const command = await load();
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(command.usage);
    return 0;
  }
  try {
    await command.run(rest, io);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`ts386 ${name}: ${e.message}\n${command.usage}`);
      return 2;
    }
    if (e instanceof DiagnosticError) {
      for (const d of e.diagnostics) io.err(formatDiagnostic(d));
      return 1;
    }
    const err = e as NodeJS.ErrnoException;
    if (err && (err.code === "ENOENT" || err.code === "EACCES" || err.code === "EISDIR") && err.path) {
      io.err(`ts386 ${name}: error: cannot access '${err.path}': ${err.code === "ENOENT" ? "no such file or directory" : err.code === "EACCES" ? "permission denied" : "is a directory"}`);
      return 1;
    }
    io.err(`ts386 ${name}: internal error: ${err?.stack ?? String(e)}`);
    io.err("This is a bug in ts386; please report it with the input that caused it.");
    return 3;
  }
}
