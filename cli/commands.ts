// The table of subcommands; each lives in its own file and is loaded only when used,
// so `ts386 asm` or `ts386 iso` does not pay for loading the TypeScript compiler API.
import type { Command } from "./command.js";

export const commands: Record<string, () => Promise<Command>> = {
  asm: async () => (await import("./asm.js")).asmCommand,
  link: async () => (await import("./link.js")).linkCommand,
  iso: async () => (await import("./iso.js")).isoCommand,
  compile: async () => (await import("./compile.js")).compileCommand,
  build: async () => (await import("./build.js")).buildCommand,
  addr2line: async () => (await import("./addr2line.js")).addr2lineCommand,
};
