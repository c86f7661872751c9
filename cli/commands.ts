// The table of subcommands; each lives in its own file.
import type { Command } from "./command.js";
import { asmCommand } from "./asm.js";
import { linkCommand } from "./link.js";
import { isoCommand } from "./iso.js";
import { compileCommand } from "./compile.js";
import { buildCommand } from "./build.js";

export const commands: Record<string, Command> = {
  asm: asmCommand,
  link: linkCommand,
  iso: isoCommand,
  compile: compileCommand,
  build: buildCommand,
};
