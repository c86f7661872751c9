// The kernel's debug information and its own line table (`make iso`: compile -g,
// link --line-table): our reader agrees with binutils' addr2line on build/kernel.elf,
// and __ts386_line_table holds exactly the DWARF's functions and rows.

import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { readExecutable } from "../../elf/debug/read-executable.js";
import { LINE_TABLE_MAGIC, LINE_TABLE_SYMBOL, lineTableContents, type LineTableContents } from "../../elf/debug/line-table-object.js";
import { Symbolizer } from "../../elf/debug/symbolizer.js";
import { repoRoot, requireTool } from "../tools.js";
import { expectAgreesWithBinutils } from "./addr2line-oracle.js";

const KERNEL = path.join(repoRoot, "build", "kernel.elf");

/** Decodes the table as kernel/code_location.ts reads it. */
function decodeLineTable(t: DataView): LineTableContents {
  const u32 = (o: number) => t.getUint32(o, true);
  const cstring = (o: number) => {
    let s = "";
    for (let c = t.getUint8(o); c !== 0; c = t.getUint8(++o)) s += String.fromCharCode(c);
    return s;
  };
  expect(u32(0)).to.equal(LINE_TABLE_MAGIC);
  const files = Array.from({ length: u32(20) }, (_, i) => cstring(u32(u32(24) + 4 * i)));
  return {
    functions: Array.from({ length: u32(4) }, (_, i) => {
      const e = u32(8) + 12 * i;
      return { name: cstring(u32(e + 8)), low: u32(e), high: u32(e + 4) };
    }),
    rows: Array.from({ length: u32(12) }, (_, i) => {
      const e = u32(16) + 8 * i;
      const file = t.getUint16(e + 6, true);
      return { address: u32(e), file: file === 0xffff ? "" : files[file]!, line: t.getUint16(e + 4, true), endSequence: file === 0xffff };
    }),
  };
}

describe("kernel debug information (build/kernel.elf)", function () {
  before(function () {
    if (!fs.existsSync(KERNEL)) {
      // `make test` builds the kernel first: a missing one means its build failed.
      throw new Error("no build/kernel.elf: the kernel build failed, or run 'make iso' first");
    }
  });

  it("ts386 addr2line agrees with binutils' addr2line", function () {
    requireTool(this, "i686-linux-gnu-addr2line");
    expect(expectAgreesWithBinutils(KERNEL, 500)).to.be.greaterThan(200);
  });

  it("is read by readelf without warnings, with an FDE per compiled function", function () {
    requireTool(this, "i686-linux-gnu-readelf");
    const r = spawnSync("i686-linux-gnu-readelf", ["--debug-dump=info,abbrev,aranges,line,frames-interp", KERNEL], { encoding: "latin1" });
    expect(r.status).to.equal(0);
    expect(r.stderr).to.equal("");
    const s = new Symbolizer(new Uint8Array(fs.readFileSync(KERNEL)), KERNEL);
    const compiled = s.functions.filter((f) => s.row(f.low)?.file.endsWith(".ts"));
    expect(r.stdout.match(/ FDE cie=/g)?.length).to.equal(compiled.length);
  });

  it("names every compiled kernel function and the TS sources", function () {
    const s = new Symbolizer(new Uint8Array(fs.readFileSync(KERNEL)), KERNEL);
    for (const fn of ["kernel_main", "paging_init", "isr_dispatch", "exception_report"]) expect(s.functions.map((f) => f.name)).to.include(fn);
    const files = new Set(s.rows.filter((r) => !r.endSequence).map((r) => r.file));
    expect([...files]).to.include.members(["kernel/main.ts", "kernel/paging.ts", "kernel/console.ts"]);
  });

  it("carries __ts386_line_table, the DWARF's functions and rows, at the end of .rodata", function () {
    const bytes = new Uint8Array(fs.readFileSync(KERNEL));
    const exe = readExecutable(bytes, KERNEL);
    const sym = exe.symbols.find((s) => s.name === LINE_TABLE_SYMBOL)!;
    const rodata = exe.sections.get(".rodata")!;
    expect(sym.value).to.be.within(rodata.address, rodata.address + rodata.data.length - sym.size);
    expect(sym.value + sym.size, "the table is the last thing in .rodata").to.equal(rodata.address + rodata.data.length);
    const at = sym.value - rodata.address;
    const table = decodeLineTable(new DataView(rodata.data.buffer, rodata.data.byteOffset + at, sym.size));
    const expected = lineTableContents(new Symbolizer(bytes, KERNEL));
    expect(table.functions).to.deep.equal(expected.functions);
    expect(table.rows.map((r) => ({ ...r, file: r.endSequence ? "" : r.file }))).to.deep.equal(expected.rows.map((r) => ({ ...r, file: r.endSequence ? "" : r.file })));
  });
});
