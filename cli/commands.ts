// The table of subcommands; each lives in its own file.
import type { Command } from "./command.js";
import { linkCommand } from "./link.js";

export const commands: Record<string, Command> = {
  link: linkCommand,
};
