// The ts386 command as a user runs it (`npx ts386`, `bin/ts386.js`): the launcher through
// its #! line, with the V8 option that line gives (`node bin/ts386.js` would leave it out).
// The #! line finds `node` on PATH; COMMAND_ENV puts the Node running the benchmark first
// there, so that the command runs on the same Node as the rest of the measurement.

import * as path from "node:path";
import { fileURLToPath } from "node:url";

export const TS386_BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../bin/ts386.js");

export const COMMAND_ENV: NodeJS.ProcessEnv = { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ""}` };
