// `ts386 asm IN.asm -o OUT.o [-D NAME=VALUE]... [-I DIR]...`: NASM syntax -> ELF32 object.
import * as fs from "node:fs";
import * as v8 from "node:v8";
import type { Command } from "./command.js";
import { parseArgs, parseDefines, required, UsageError } from "./args.js";
import { assembleText } from "../assembler/index.js";
import { writeObject } from "../elf/write-object.js";
import { removeIfExists, writeFileAtomic } from "../common/files.js";

export const asmCommand: Command = {
  usage: `usage: ts386 asm IN.asm -o OUT.o [-D NAME=VALUE]... [-I DIR]...

Assembles NASM-syntax 32-bit code into an ELF32 i386 relocatable object.
  -o OUT.o        output object (not written when the input has errors)
  -D NAME[=VALUE] define a preprocessor macro (%define NAME VALUE; empty without a value, as nasm)
  -I DIR          search DIR for %include files`,
  run(argv) {
    const args = parseArgs(argv, { "-o": { value: true }, "-D": { value: true, repeat: true }, "-I": { value: true, repeat: true } });
    if (args.positional.length !== 1) throw new UsageError(args.positional.length === 0 ? "missing input file" : "exactly one input file expected");
    const input = args.positional[0]!;
    const output = required(args, "-o");
    const rawDefines = args.options.get("-D") ?? [];
    const defines = parseDefines(rawDefines);
    // As in nasm, -D NAME (no value) defines NAME as empty text: %ifdef sees it.
    for (const d of rawDefines) if (!d.includes("=")) defines.set(d, "");
    // A one-shot run spends more time compiling optimized code than that code saves;
    // without inlining, compilation costs much less (straight.asm: CPU 650 -> 530 ms).
    // Only an optimization choice: it cannot change what the code does.
    v8.setFlagsFromString("--no-turbo-inlining");
    const text = fs.readFileSync(input, "latin1");
    try {
      const obj = assembleText(text, input, { defines, includePaths: args.options.get("-I") ?? [] });
      writeFileAtomic(output, writeObject(obj));
    } catch (e) {
      removeIfExists(output);
      throw e;
    }
  },
};
