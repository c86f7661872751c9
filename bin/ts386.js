#!/usr/bin/env node
// The `ts386` command: a thin launcher for the compiled CLI (built by `npm ci` / `make`).
import { main } from "../dist/cli/main.js";
process.exitCode = await main(process.argv.slice(2));
