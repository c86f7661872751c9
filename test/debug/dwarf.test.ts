// `-g` debug information: DWARF that binutils reads without complaint, that leaves the
// code unchanged, and that our own reader (elf/debug, `ts386 addr2line`) decodes
// exactly as binutils' addr2line does, address by address.

import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { readExecutable } from "../../elf/debug/read-executable.js";
import { Symbolizer } from "../../elf/debug/symbolizer.js";
import { requireTool, tmpDir, ts386 } from "../tools.js";
import { expectAgreesWithBinutils } from "./addr2line-oracle.js";

const PROGRAM = "test/programs/algo/dijkstra.ts";

describe("debug information (-g)", function () {
  let dir: string;
  let exe: string;
  before(async function () {
    dir = tmpDir();
    exe = path.join(dir, "with-g");
    const plain = path.join(dir, "without-g");
    for (const [out, extra] of [[exe, ["-g"]], [plain, []]] as const) {
      const r = await ts386(["build", PROGRAM, "--target", "linux", "-o", out, ...extra]);
      expect(r.status, r.stderr).to.equal(0);
    }
  });

  it("leaves the code and its addresses unchanged", function () {
    const a = readExecutable(new Uint8Array(fs.readFileSync(exe)), exe);
    const b = readExecutable(new Uint8Array(fs.readFileSync(path.join(dir, "without-g"))), "without-g");
    expect(Buffer.from(a.sections.get(".text")!.data).equals(Buffer.from(b.sections.get(".text")!.data))).to.equal(true);
    expect(a.sections.get(".text")!.address).to.equal(b.sections.get(".text")!.address);
    for (const name of [".debug_info", ".debug_abbrev", ".debug_aranges", ".debug_line", ".debug_frame"]) expect(a.sections.has(name), name).to.equal(true);
    expect(b.sections.has(".debug_line")).to.equal(false);
  });

  it("runs as before", function () {
    const r = spawnSync(exe, [], { encoding: "latin1" });
    expect(`${r.stdout}exit: ${r.status}\n`).to.equal(fs.readFileSync(PROGRAM.replace(/\.ts$/, ".expected"), "latin1"));
  });

  it("is read by readelf without warnings", function () {
    requireTool(this, "i686-linux-gnu-readelf");
    const r = spawnSync("i686-linux-gnu-readelf", ["--debug-dump=info,abbrev,aranges,line,frames,loc", exe], { encoding: "latin1" });
    expect(r.status).to.equal(0);
    expect(r.stderr).to.equal("");
    expect(r.stdout).to.not.match(/warning|corrupt|bad/i);
    expect(r.stdout).to.contain("DW_TAG_subprogram").and.contain("DW_AT_name        : main");
    // Parameters and locals with their types and locations (location lists for registers).
    expect(r.stdout).to.contain("DW_TAG_formal_parameter").and.contain("DW_TAG_variable").and.contain("DW_TAG_base_type");
    expect(r.stdout).to.match(/DW_AT_location\s*: (0x[0-9a-f]+|0) \(location list\)/);
    expect(r.stdout).to.match(/DW_OP_reg\d \(e[a-d]x|DW_OP_reg\d \(e[sd]i|DW_OP_reg\d \(ebp/);
  });

  it("maps addresses as binutils' addr2line does (our reader and `ts386 addr2line`)", async function () {
    requireTool(this, "i686-linux-gnu-addr2line");
    expect(expectAgreesWithBinutils(exe)).to.be.greaterThan(50);
    const s = new Symbolizer(new Uint8Array(fs.readFileSync(exe)), exe);
    const main = s.functions.find((f) => f.name === "main")!;
    const r = await ts386(["addr2line", exe, "0x" + main.low.toString(16), (main.low + 1).toString(16)]);
    expect(r.status, r.stderr).to.equal(0);
    const [first, second] = r.stdout.trim().split("\n");
    expect(first).to.match(new RegExp(`^main\\+0x0 at ${PROGRAM.replace(/[./]/g, "\\$&")}:\\d+$`));
    expect(second).to.match(/^main\+0x1 at /);
  });

  it("every instruction of the program's TS code has a line", function () {
    const s = new Symbolizer(new Uint8Array(fs.readFileSync(exe)), exe);
    const compiled = s.functions.filter((f) => s.row(f.low)?.file.endsWith(".ts"));
    expect(compiled.length).to.be.greaterThan(3);
    for (const f of compiled) for (let a = f.low; a < f.high; a++) expect(s.row(a)?.file, `${f.name}+${a - f.low}`).to.match(/\.ts$/);
  });

  it("ts386 addr2line: usage and input errors", async function () {
    expect((await ts386(["addr2line", exe])).status).to.equal(2);
    expect((await ts386(["addr2line", exe, "zz"])).status).to.equal(2);
    const notElf = path.join(dir, "not-elf");
    fs.writeFileSync(notElf, "hello");
    const r = await ts386(["addr2line", notElf, "0"]);
    expect(r.status).to.equal(1);
    expect(r.stderr).to.contain("not an ELF32");
  });
});
