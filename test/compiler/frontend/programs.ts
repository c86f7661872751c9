// The test programs under test/programs/: NAME.ts beside NAME.expected (lib/ is
// the shared print library, not a program), and the --define switches a program
// asks for with `// ts386-define: NAME=VALUE` lines.

import * as fs from "node:fs";
import * as path from "node:path";
import { repoRoot } from "../../tools.js";

export const programsDir = path.join(repoRoot, "test", "programs");

/** All test programs (excluding the shared library), relative to test/programs. */
export function listPrograms(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "lib") walk(full);
      } else if (entry.name.endsWith(".ts") && fs.existsSync(full.replace(/\.ts$/, ".expected"))) {
        out.push(path.relative(programsDir, full));
      }
    }
  };
  walk(programsDir);
  return out;
}

/** The --define switches a program asks for with `// ts386-define: NAME=VALUE` lines. */
export function programDefines(file: string): Map<string, string> {
  const defines = new Map<string, string>();
  for (const m of fs.readFileSync(file, "utf8").matchAll(/^\/\/ ts386-define: (\S+)=(\S*)$/gm)) defines.set(m[1]!, m[2]!);
  return defines;
}

