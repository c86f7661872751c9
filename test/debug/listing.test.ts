// `ts386 compile --emit-listing` (what `make asm` writes): every instruction's address
// and bytes are the linked executable's, and the TS line written above it is the one
// the DWARF line table gives for that address.

import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { readExecutable } from "../../elf/debug/read-executable.js";
import { Symbolizer } from "../../elf/debug/symbolizer.js";
import { tmpDir, ts386 } from "../tools.js";

const PROGRAM = "test/programs/algo/dijkstra.ts";

describe("annotated listing (--emit-listing, make asm)", function () {
  it("shows the executable's addresses and bytes under the TS lines the line table names", async function () {
    const dir = tmpDir();
    const exe = path.join(dir, "prog");
    const listing = path.join(dir, "prog.lst");
    expect((await ts386(["build", PROGRAM, "--target", "linux", "-g", "-o", exe])).status).to.equal(0);
    const r = await ts386(["compile", PROGRAM, "--target", "linux", "-g", "-o", path.join(dir, "prog.o"), "--emit-listing", listing, "--listing-elf", exe]);
    expect(r.status, r.stderr).to.equal(0);
    const bytes = new Uint8Array(fs.readFileSync(exe));
    const text = readExecutable(bytes, exe).sections.get(".text")!;
    const s = new Symbolizer(bytes, exe);
    let source: { file: string; line: number } | undefined;
    let checked = 0;
    // A prologue (register saves and the frame, under the declaration's line in the listing)
    // is on the first body line in the line table, for gdb's sake (compiler/debug/line-program.ts).
    let inPrologue = false;
    for (const l of fs.readFileSync(listing, "utf8").split("\n")) {
      if (/^\w+:$/.test(l)) inPrologue = true;
      const src = /^; (.+\.ts):(\d+): /.exec(l);
      if (src) source = { file: src[1]!, line: Number(src[2]) };
      inPrologue &&= /(push e[bsd][xip]|sub esp, \d+)$/.test(l) || /^\w+:$/.test(l) || src !== null;
      if (inPrologue) continue;
      const ins = /^([0-9A-F]{8}) {2}((?:[0-9A-F]{2} )*[0-9A-F]{2}) +\S/.exec(l);
      if (!ins) continue;
      const address = parseInt(ins[1]!, 16);
      const code = ins[2]!.split(" ").map((b) => parseInt(b, 16));
      expect(code, l).to.deep.equal([...text.data.subarray(address - text.address, address - text.address + code.length)]);
      const row = s.row(address)!;
      expect({ file: row.file, line: row.line }, l).to.deep.equal(source);
      checked++;
    }
    expect(checked).to.be.greaterThan(100);
    expect((await ts386(["compile", PROGRAM, "-o", path.join(dir, "x.o"), "--listing-elf", exe])).status).to.equal(2);
  });
});
