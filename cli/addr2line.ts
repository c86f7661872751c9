// `ts386 addr2line KERNEL.elf ADDR...`: for each address, the function and the TS
// source line, from the executable's DWARF (built with `ts386 compile -g`).

import * as fs from "node:fs";
import { fail } from "../common/diagnostics.js";
import { formatLocation, Symbolizer } from "../elf/debug/symbolizer.js";
import { parseArgs, UsageError } from "./args.js";
import type { Command } from "./command.js";

export const addr2lineCommand: Command = {
  usage: `usage: ts386 addr2line EXECUTABLE ADDR...

Prints 'function+0xOFFSET at FILE:LINE' for each address (hexadecimal, 0x optional),
from the DWARF line table and functions of EXECUTABLE ('??' where it has none).`,
  run(argv, io) {
    const args = parseArgs(argv, {});
    const [file, ...addresses] = args.positional;
    if (file === undefined) throw new UsageError("missing executable");
    if (addresses.length === 0) throw new UsageError("missing address");
    const values = addresses.map((a) => {
      if (!/^(0x)?[0-9a-f]+$/i.test(a)) throw new UsageError(`bad address '${a}' (hexadecimal expected)`);
      return parseInt(a.replace(/^0x/i, ""), 16);
    });
    const bytes = new Uint8Array(fs.readFileSync(file));
    let symbolizer: Symbolizer;
    try {
      symbolizer = new Symbolizer(bytes, file);
    } catch (e) {
      // A file that is not ELF, or malformed DWARF: the input is wrong.
      return fail(`${file}: ${(e as Error).message}`, undefined);
    }
    for (const v of values) io.out(formatLocation(symbolizer.lookup(v)));
  },
};
