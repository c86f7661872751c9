// `ts386 build ENTRY.ts -o OUT [--target kernel|linux] [--define NAME=VALUE]... [-T SCRIPT] [INPUT.asm|INPUT.o]... [--timings] [-g]`
// Compile + runtime + link, in-process. --target linux links the Linux runtime
// (runtime/linux/*.asm: _start calls main and exits with its value) with the
// linker's built-in static-executable layout; --target kernel links the extra
// inputs (boot stubs as .asm, assembled with the same defines, or objects) with
// the -T script.

import * as fs from "node:fs";
import { DiagnosticError } from "../common/diagnostics.js";
import { removeIfExists, writeFileAtomic } from "../common/files.js";
import { compileFile, linuxRuntimeObjects, timed, type StageTiming, type Target } from "../compiler/driver.js";
import { assembleText } from "../assembler/index.js";
import { readObject } from "../elf/read-object.js";
import type { ObjectFile } from "../elf/types.js";
import { writeObject } from "../elf/write-object.js";
import { link } from "../linker/link.js";
import { parseArgs, parseDefines, required, single, UsageError } from "./args.js";
import type { Command } from "./command.js";

export const buildCommand: Command = {
  usage: `usage: ts386 build ENTRY.ts -o OUT [--target kernel|linux] [--define NAME=VALUE]... [-T SCRIPT] [INPUT.asm|INPUT.o]... [--timings] [-g]

Compiles ENTRY.ts, assembles and links everything into an executable.
  --target linux   a static i386 Linux program: _start calls 'export function main(): i32' and exits with its value
  --target kernel  (default) links ENTRY's object with the INPUTs using -T SCRIPT
  --define NAME[=VALUE]   for the compiler ('declare const NAME') and the .asm inputs (%ifdef NAME)
  --emit-asm FILE, --emit-ir FILE, --emit-obj FILE   keep intermediate results
  --timings        print the time each stage took
  -g               DWARF debug information for the compiled code (docs/debugging.md)`,
  run(argv, io) {
    const args = parseArgs(argv, {
      "-o": { value: true },
      "--target": { value: true, choices: ["kernel", "linux"] },
      "--define": { value: true, repeat: true },
      "-D": { value: true, repeat: true },
      "-T": { value: true },
      "--emit-asm": { value: true },
      "--emit-ir": { value: true },
      "--emit-obj": { value: true },
      "--timings": {},
      "-g": {},
    });
    const [entry, ...inputs] = args.positional;
    if (entry === undefined) throw new UsageError("missing entry file");
    const output = required(args, "-o");
    const target = (single(args, "--target") ?? "kernel") as Target;
    const defines = parseDefines([...(args.options.get("--define") ?? []), ...(args.options.get("-D") ?? [])]);
    const scriptPath = single(args, "-T");
    if (target === "linux" && (scriptPath !== undefined || inputs.length > 0)) {
      throw new UsageError("--target linux links the built-in runtime and layout; -T and extra inputs are for --target kernel");
    }
    removeIfExists(output);
    const timings: StageTiming[] = [];
    const start = performance.now();
    const compiled = compileFile(entry, {
      target, defines, emitAsm: single(args, "--emit-asm") !== undefined, emitIr: single(args, "--emit-ir") !== undefined,
      debug: args.flags.has("-g"),
    });
    timings.push(...compiled.timings);
    const emit = (option: string, data: string | Uint8Array | undefined): void => {
      const file = single(args, option);
      if (file !== undefined && data !== undefined) writeFileAtomic(file, data);
    };
    emit("--emit-ir", compiled.ir);
    emit("--emit-asm", compiled.asm);
    emit("--emit-obj", single(args, "--emit-obj") !== undefined ? writeObject(compiled.object) : undefined);

    const objects: ObjectFile[] = [compiled.object];
    if (target === "linux") objects.push(...timed(timings, "runtime", linuxRuntimeObjects));
    timed(timings, "inputs", () => {
      for (const input of inputs) {
        if (input.endsWith(".asm") || input.endsWith(".s") || input.endsWith(".nasm")) {
          objects.push(assembleText(fs.readFileSync(input, "latin1"), input, { defines }));
        } else {
          try {
            objects.push(readObject(new Uint8Array(fs.readFileSync(input)), input));
          } catch (e) {
            if (e instanceof DiagnosticError) throw new DiagnosticError(e.diagnostics.map((d) => ({ ...d, origin: d.origin ?? "linker" })));
            throw e;
          }
        }
      }
    });
    const script = scriptPath === undefined ? undefined : { text: fs.readFileSync(scriptPath, "latin1"), fileName: scriptPath };
    const linked = timed(timings, "link", () => link(objects, { target, script }));
    timed(timings, "write", () => writeFileAtomic(output, linked.bytes, 0o755));
    if (args.flags.has("--timings")) {
      for (const t of timings) io.out(`${t.stage.padEnd(10)} ${t.ms.toFixed(1).padStart(8)} ms`);
      io.out(`${"total".padEnd(10)} ${(performance.now() - start).toFixed(1).padStart(8)} ms`);
    }
  },
};
