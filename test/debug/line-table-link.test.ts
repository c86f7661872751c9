// `ts386 link --line-table`: the table is linked in without moving code, and a script
// that would let it move code (read-only data before .text) is refused with a diagnostic.

import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { readExecutable } from "../../elf/debug/read-executable.js";
import { LINE_TABLE_SYMBOL } from "../../elf/debug/line-table-object.js";
import { tmpDir, ts386 } from "../tools.js";

const PROGRAM = `
let counter: u32 = 0;
export function tick(n: u32): u32 {
  counter = counter + n;
  return counter;
}
export function kernel_main(): void {
  tick(3);
}
`;

describe("ts386 link --line-table", function () {
  let dir: string;
  let object: string;
  before(async function () {
    dir = tmpDir();
    fs.writeFileSync(path.join(dir, "main.ts"), PROGRAM);
    object = path.join(dir, "main.o");
    const r = await ts386(["compile", path.join(dir, "main.ts"), "-g", "-o", object]);
    expect(r.status, r.stderr).to.equal(0);
  });

  it("adds __ts386_line_table after the code, which stays where a plain link puts it", async function () {
    const plain = path.join(dir, "plain.elf");
    const withTable = path.join(dir, "table.elf");
    expect((await ts386(["link", object, "-o", plain, "-e", "kernel_main"])).status).to.equal(0);
    const r = await ts386(["link", object, "-o", withTable, "-e", "kernel_main", "--line-table"]);
    expect(r.status, r.stderr).to.equal(0);
    const a = readExecutable(new Uint8Array(fs.readFileSync(plain)), plain);
    const b = readExecutable(new Uint8Array(fs.readFileSync(withTable)), withTable);
    expect(b.sections.get(".text")!.address).to.equal(a.sections.get(".text")!.address);
    for (const name of ["tick", "kernel_main"]) {
      expect(b.symbols.find((s) => s.name === name)!.value, name).to.equal(a.symbols.find((s) => s.name === name)!.value);
    }
    const table = b.symbols.find((s) => s.name === LINE_TABLE_SYMBOL)!;
    expect(table.size).to.be.greaterThan(28);
    expect(table.value).to.be.greaterThan(b.sections.get(".text")!.address);
  });

  it("refuses a script where the table would move the code", async function () {
    const script = path.join(dir, "rodata-first.ld");
    fs.writeFileSync(script, "ENTRY(kernel_main)\nSECTIONS {\n  . = 1M;\n  .rodata : { *(.rodata .rodata.*) }\n  .text : { *(.text) }\n  .data : { *(.data) }\n  .bss : { *(.bss) }\n}\n");
    const out = path.join(dir, "moved.elf");
    const r = await ts386(["link", object, "-o", out, "-T", script, "--line-table"]);
    expect(r.status).to.equal(1);
    expect(r.stderr).to.contain("linker: error: --line-table: the table moved code");
    expect(fs.existsSync(out)).to.equal(false);
  });
});
