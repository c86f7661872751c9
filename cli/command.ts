// The shape of one ts386 subcommand.
import type { Io } from "./main.js";

export interface Command {
  usage: string;
  run(argv: string[], io: Io): Promise<void> | void;
}
