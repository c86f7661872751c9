// `ts386 compile ENTRY.ts -o OUT.o [--target kernel|linux] [--define NAME=VALUE]... [--emit-asm OUT.asm] [--emit-ir OUT.ir] [-g] [--emit-listing OUT.lst [--listing-elf KERNEL.elf]]`
// TypeScript (the ts386 subset) -> ELF32 relocatable object, in-process.

import { removeIfExists, writeFileAtomic } from "../common/files.js";
import * as fs from "node:fs";
import { fail } from "../common/diagnostics.js";
import { compileFile, sourceLineReader, type CompileResult, type Target } from "../compiler/driver.js";
import { linkedText, type LinkedText } from "../compiler/debug/listing-base.js";
import { formatListing } from "../compiler/debug/listing.js";
import { writeObject } from "../elf/write-object.js";
import { parseArgs, parseDefines, required, single, UsageError } from "./args.js";
import type { Command } from "./command.js";

/** The annotated listing, with the linked executable's addresses and bytes when given. */
function listing(result: CompileResult, elf: string | undefined): string {
  let text: LinkedText;
  if (elf === undefined) {
    const code = result.object.sections.find((s) => s.name === ".text")?.data ?? new Uint8Array(0);
    text = { base: 0, bytesAt: (address, size) => code.subarray(address, address + size) };
  } else {
    try {
      text = linkedText(result.object, new Uint8Array(fs.readFileSync(elf)), elf);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== undefined) throw e;
      return fail((e as Error).message, undefined);
    }
  }
  return formatListing(result.statements, result.placed ?? [], { ...text, lines: sourceLineReader() });
}

export const compileCommand: Command = {
  usage: `usage: ts386 compile ENTRY.ts -o OUT.o [--target kernel|linux] [--define NAME=VALUE]... [--emit-asm OUT.asm] [--emit-ir OUT.ir] [-g]
                     [--emit-listing OUT.lst [--listing-elf KERNEL.elf]]

Compiles ENTRY.ts and what it imports into one ELF32 i386 object.
  --target kernel   freestanding (default): exported functions are global symbols
  --target linux    also declares sys_write/sys_exit; link with the Linux runtime (ts386 build)
  --define NAME[=VALUE]   sets a 'declare const NAME' (NAME alone means true)
  --emit-asm FILE   the generated code as NASM text, annotated with the TS source lines
  --emit-ir FILE    the optimised IR in its text form
  -g                DWARF debug information: TS line tables, functions, call frames (docs/debugging.md)
  --emit-listing FILE   the code with addresses and bytes, the TS source lines interleaved
  --listing-elf FILE    take the addresses and bytes from the executable this object is linked into`,
  run(argv) {
    const args = parseArgs(argv, {
      "-o": { value: true },
      "--target": { value: true, choices: ["kernel", "linux"] },
      "--define": { value: true, repeat: true },
      "-D": { value: true, repeat: true },
      "--emit-asm": { value: true },
      "--emit-ir": { value: true },
      "-g": {},
      "--emit-listing": { value: true },
      "--listing-elf": { value: true },
    });
    if (args.positional.length !== 1) throw new UsageError(args.positional.length === 0 ? "missing input file" : "exactly one entry file expected");
    const output = required(args, "-o");
    const emitAsm = single(args, "--emit-asm");
    const emitIr = single(args, "--emit-ir");
    const emitListing = single(args, "--emit-listing");
    const listingElf = single(args, "--listing-elf");
    if (listingElf !== undefined && emitListing === undefined) throw new UsageError("--listing-elf needs --emit-listing");
    removeIfExists(output);
    const result = compileFile(args.positional[0]!, {
      target: (single(args, "--target") ?? "kernel") as Target,
      defines: parseDefines([...(args.options.get("--define") ?? []), ...(args.options.get("-D") ?? [])]),
      emitAsm: emitAsm !== undefined,
      emitIr: emitIr !== undefined,
      debug: args.flags.has("-g"),
      placeInstructions: emitListing !== undefined,
    });
    if (emitIr !== undefined) writeFileAtomic(emitIr, result.ir!);
    if (emitAsm !== undefined) writeFileAtomic(emitAsm, result.asm!);
    if (emitListing !== undefined) writeFileAtomic(emitListing, listing(result, listingElf));
    writeFileAtomic(output, writeObject(result.object));
  },
};
