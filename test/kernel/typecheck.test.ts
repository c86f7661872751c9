// The kernel sources are also plain TypeScript: editors and `tsc` must accept
// them with kernel/tsconfig.json (the ts386 language surface as ambient types).

import { expect } from "chai";
import * as path from "node:path";
import ts from "typescript";
import { repoRoot } from "../tools.js";

describe("Toyix kernel sources", () => {
  it("type-check with tsc --noEmit -p kernel/tsconfig.json", () => {
    const configPath = path.join(repoRoot, "kernel", "tsconfig.json");
    const read = ts.readConfigFile(configPath, ts.sys.readFile);
    expect(read.error, "kernel/tsconfig.json unreadable").to.equal(undefined);
    const config = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(configPath));
    expect(config.errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).to.deep.equal([]);
    expect(config.options.noEmit, "the kernel is compiled by ts386, never emitted by tsc").to.equal(true);
    expect(config.options.strict).to.equal(true);
    expect(config.fileNames.some((f) => f.endsWith("kernel/main.ts")), "kernel/main.ts is included").to.equal(true);

    const program = ts.createProgram(config.fileNames, config.options);
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
      const file = d.file ? path.relative(repoRoot, d.file.fileName) : "";
      return `${file}${where ? `(${where.line + 1},${where.character + 1})` : ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    });
    expect(diagnostics).to.deep.equal([]);
  });
});
