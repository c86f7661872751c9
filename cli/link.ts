// `ts386 link OBJ... -o OUT [-T SCRIPT] [--target kernel|linux] [--entry SYMBOL] [--line-table]`
// Links ELF32 i386 relocatable objects (and static archives, members pulled in
// as GNU ld does) into an executable. On any error the
// output file is removed, so a failed link never leaves a stale executable.

import * as fs from "node:fs";
import { DiagnosticError } from "../common/diagnostics.js";
import { removeIfExists, writeFileAtomic } from "../common/files.js";
import { readObject } from "../elf/read-object.js";
import type { ObjectFile } from "../elf/types.js";
import { isArchive, readArchive, selectArchiveMembers, type LinkInput } from "../linker/archive.js";
import { link } from "../linker/link.js";
import { linkWithLineTable } from "../linker/with-line-table.js";
import type { Target } from "../linker/types.js";
import { parseArgs, required, single, UsageError } from "./args.js";
import type { Command } from "./command.js";

export const linkCommand: Command = {
  usage: `usage: ts386 link OBJ... -o OUT [-T SCRIPT] [--target kernel|linux] [--entry SYMBOL] [--line-table]

Links ELF32 i386 relocatable objects (from ts386, nasm, GNU as or gcc -m32 -c)
and static archives (libgcc.a) into an ELF32 executable. -T reads a GNU ld
script (the subset in docs/linker.md); without it, --target kernel loads at
1 MiB and --target linux makes a static Linux program at 0x08048000.
--target defaults to kernel.
  --line-table   link in __ts386_line_table, the address-to-line table made from
                 the DWARF of the -g objects (a second link; docs/debugging.md)`,

  run(argv) {
    const args = parseArgs(argv, {
      "-o": { value: true },
      "-T": { value: true },
      "--target": { value: true, choices: ["kernel", "linux"] },
      "--entry": { value: true },
      "-e": { value: true },
      "--line-table": {},
    });
    const output = required(args, "-o");
    if (args.positional.length === 0) throw new UsageError("no input objects");
    const target = (single(args, "--target") ?? "kernel") as Target;
    const scriptPath = single(args, "-T");
    const entry = single(args, "--entry") ?? single(args, "-e");
    removeIfExists(output);

    let objects: ObjectFile[];
    try {
      const inputs = args.positional.map((path): LinkInput => {
        const bytes = new Uint8Array(fs.readFileSync(path));
        return isArchive(bytes) ? { kind: "archive", archive: readArchive(bytes, path) } : { kind: "object", object: readObject(bytes, path) };
      });
      objects = selectArchiveMembers(inputs);
    } catch (e) {
      // Report a bad input file as the linker's error.
      if (e instanceof DiagnosticError) throw new DiagnosticError(e.diagnostics.map((d) => ({ ...d, origin: d.origin ?? "linker" })));
      throw e;
    }
    const script = scriptPath === undefined ? undefined : { text: fs.readFileSync(scriptPath, "latin1"), fileName: scriptPath };
    const result = (args.flags.has("--line-table") ? linkWithLineTable : link)(objects, { target, script, entry });
    writeFileAtomic(output, result.bytes, 0o755);
  },
};
