// `ts386 compile ENTRY.ts -o OUT.o [--target kernel|linux] [--define NAME=VALUE]... [--emit-asm OUT.asm] [--emit-ir OUT.ir] [-g]`
// TypeScript (the ts386 subset) -> ELF32 relocatable object, in-process.

import { removeIfExists, writeFileAtomic } from "../common/files.js";
import { compileFile, type Target } from "../compiler/driver.js";
import { writeObject } from "../elf/write-object.js";
import { parseArgs, parseDefines, required, single, UsageError } from "./args.js";
import type { Command } from "./command.js";

export const compileCommand: Command = {
  usage: `usage: ts386 compile ENTRY.ts -o OUT.o [--target kernel|linux] [--define NAME=VALUE]... [--emit-asm OUT.asm] [--emit-ir OUT.ir] [-g]

Compiles ENTRY.ts and what it imports into one ELF32 i386 object.
  --target kernel   freestanding (default): exported functions are global symbols
  --target linux    also declares sys_write/sys_exit; link with the Linux runtime (ts386 build)
  --define NAME[=VALUE]   sets a 'declare const NAME' (NAME alone means true)
  --emit-asm FILE   the generated code as NASM text, annotated with the TS source lines
  --emit-ir FILE    the optimised IR in its text form
  -g                DWARF debug information: TS line tables, functions, call frames (docs/debugging.md)`,
  run(argv) {
    const args = parseArgs(argv, {
      "-o": { value: true },
      "--target": { value: true, choices: ["kernel", "linux"] },
      "--define": { value: true, repeat: true },
      "-D": { value: true, repeat: true },
      "--emit-asm": { value: true },
      "--emit-ir": { value: true },
      "-g": {},
    });
    if (args.positional.length !== 1) throw new UsageError(args.positional.length === 0 ? "missing input file" : "exactly one entry file expected");
    const output = required(args, "-o");
    const emitAsm = single(args, "--emit-asm");
    const emitIr = single(args, "--emit-ir");
    removeIfExists(output);
    const result = compileFile(args.positional[0]!, {
      target: (single(args, "--target") ?? "kernel") as Target,
      defines: parseDefines([...(args.options.get("--define") ?? []), ...(args.options.get("-D") ?? [])]),
      emitAsm: emitAsm !== undefined,
      emitIr: emitIr !== undefined,
      debug: args.flags.has("-g"),
    });
    if (emitIr !== undefined) writeFileAtomic(emitIr, result.ir!);
    if (emitAsm !== undefined) writeFileAtomic(emitAsm, result.asm!);
    writeFileAtomic(output, writeObject(result.object));
  },
};
