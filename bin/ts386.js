#!/usr/bin/env -S node --initial-old-space-size=64
// The `ts386` command: a thin launcher for the compiled CLI (built by `npm ci` / `make`).
//
// The #! line gives V8 one heap option: the old generation may reach 64 MB before its
// first full collection. What the assembler and the compiler build lives until the end
// of a run, so collecting it earlier (at ~20 MB, V8's default start) frees nothing and
// costs a mark-compact plus concurrent marking: ~15 ms (6%) on a 100,000-line `ts386 asm`.
// `node bin/ts386.js` runs without it, correctly, just that much slower.
//
// Node's compile cache (Node >= 22.1) keeps V8's bytecode for our modules and TypeScript's
// between runs, in the OS temp directory: `ts386 compile` starts ~10% faster. It is enabled
// before the CLI is loaded, so the CLI is imported here, not at the top.
import module from "node:module";
module.enableCompileCache?.();
const { main } = await import("../dist/cli/main.js");
const status = await main(process.argv.slice(2));
// Everything is written (files synchronously, and nothing is left queued on stdout or
// stderr): exit at once rather than tear the heap down piece by piece (a few ms after a big input).
if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit(status);
process.exitCode = status;
