// Objects from our own assembler link exactly like nasm's: the same source
// assembled by `ts386 asm` and by `nasm -f elf32`, linked by `ts386 link`,
// gives byte-identical executables (the objects themselves may order their
// bookkeeping differently; what is loaded and the symbol table may not).

import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { requireTool, tmpDir, ts386 } from "../tools.js";
import { fixtures, gcc, nasm } from "./build-objects.js";

describe("linker: objects from ts386 asm", function () {
  let dir: string;
  before(function () {
    requireTool(this, "nasm");
    dir = tmpDir("ts386-link-own-");
  });

  async function ownObject(source: string): Promise<string> {
    const out = path.join(dir, path.basename(source, ".asm") + "-ts386.o");
    const r = await ts386(["asm", source, "-o", out]);
    expect(r.stderr, "ts386 asm diagnostics").to.equal("");
    expect(r.status).to.equal(0);
    return out;
  }

  async function linkBytes(objects: string[], out: string, target: "kernel" | "linux"): Promise<Buffer> {
    const r = await ts386(["link", ...objects, "-o", path.join(dir, out), "--target", target]);
    expect(r.stderr).to.equal("");
    expect(r.status).to.equal(0);
    return fs.readFileSync(path.join(dir, out));
  }

  it("the assembly kernel: the same executable from either assembler", async function () {
    const source = path.join(fixtures, "serial-kernel.asm");
    const ours = await linkBytes([await ownObject(source)], "own.elf", "kernel");
    const theirs = await linkBytes([nasm(source, path.join(dir, "serial-kernel-nasm.o"))], "nasm.elf", "kernel");
    expect(ours.equals(theirs)).to.equal(true);
  });

  it("a Linux program from ts386 asm and gcc -c: the same executable", async function () {
    requireTool(this, "i686-linux-gnu-gcc");
    const source = path.join(fixtures, "linux-start.asm");
    const main = gcc(path.join(fixtures, "linux-main.c"), path.join(dir, "linux-main.o"));
    const ours = await linkBytes([await ownObject(source), main], "own-linux", "linux");
    const theirs = await linkBytes([nasm(source, path.join(dir, "linux-start-nasm.o")), main], "nasm-linux", "linux");
    expect(ours.equals(theirs)).to.equal(true);
  });
});
