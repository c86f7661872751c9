// Static archives: members are pulled in exactly when GNU ld pulls them (a
// symbol still undefined when the archive is reached, rescanning the index
// until nothing more is needed), in the same order, from an `ar rcs` archive
// and from gcc's libgcc.a.

import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { requireTool, run, tmpDir, ts386 } from "../tools.js";
import { archive, gcc, libgcc, nasmText } from "./build-objects.js";
import { compareLinks } from "./compare-links.js";

const SCRIPT = `ENTRY(_start)
SECTIONS {
  . = 1M;
  .text : { *(.text .text.*) }
  .rodata ALIGN(4K) : { *(.rodata*) }
  .eh_frame : { *(.eh_frame) }
  .data ALIGN(4K) : { *(.data) }
  .bss : { *(.bss) *(COMMON) }
}
`;

describe("linker: static archives", function () {
  let dir: string;
  let script: string;
  before(function () {
    requireTool(this, "nasm", "i686-linux-gnu-ld", "i686-linux-gnu-ar");
    dir = tmpDir("ts386-link-archive-");
    script = path.join(dir, "archive.ld");
    fs.writeFileSync(script, SCRIPT);
  });

  it("pulls only needed members, following chains, in GNU ld's order", async function () {
    // start needs a2; a2 needs b; b needs a1 (already in the archive's past: the index is rescanned);
    // unused is never needed; weak_only is referenced only weakly.
    const start = nasmText(dir, "start", "section .text\nglobal _start\nextern a2\nextern weak_only:weak\n_start: call a2\ndd weak_only\n");
    const a1 = nasmText(dir, "a1", "section .text\nglobal a1\na1: ret\nsection .data\ndd 1\n");
    const a2 = nasmText(dir, "a2", "section .text\nglobal a2\nextern b\na2: call b\nret\n");
    const b = nasmText(dir, "b", "section .text\nglobal b\nextern a1\nb: call a1\nret\nsection .bss\nresb 8\n");
    const unused = nasmText(dir, "unused", "section .text\nglobal unused, weak_only\nunused: ud2\nweak_only: ud2\n");
    const lib = archive(path.join(dir, "libchain.a"), [a1, a2, unused, b]);
    const { ours } = await compareLinks(dir, [start, lib], script);
    const names = ours.symbols.map((s) => s.name);
    expect(names).to.include.members(["a1", "a2", "b"]);
    expect(names).not.to.include("unused");
  });

  it("links 64-bit division from gcc's libgcc.a like GNU ld", async function () {
    requireTool(this, "i686-linux-gnu-gcc");
    const c = path.join(dir, "div.c");
    fs.writeFileSync(c, `unsigned long long big = 0x123456789abcdefULL;
unsigned int ratio(unsigned long long d) { return (unsigned int)(big / d + big % d); }
long long sdiv(long long a, long long b) { return a / b; }
`);
    const start = nasmText(dir, "divstart", "section .text\nglobal _start\nextern ratio, sdiv\n_start: call ratio\ncall sdiv\nret\n");
    const { ours } = await compareLinks(dir, [start, gcc(c, path.join(dir, "div.o")), libgcc()], script);
    expect(ours.symbols.find((s) => s.name === "__udivmoddi4")?.visibility, "hidden, as in libgcc").to.equal(2);
  });

  it("rejects an archive without a symbol index, and a broken one", async function () {
    const obj = nasmText(dir, "lonely", "section .text\nglobal _start\nextern helper\n_start: call helper\n");
    const helper = nasmText(dir, "helper", "section .text\nglobal helper\nhelper: ret\n");
    const noIndex = path.join(dir, "noindex.a");
    archive(noIndex, [helper]);
    // Rebuild without the index: `ar rcS` writes none.
    fs.rmSync(noIndex);
    run("i686-linux-gnu-ar", ["rcS", noIndex, helper]);
    const out = path.join(dir, "out.elf");
    let r = await ts386(["link", obj, noIndex, "-o", out]);
    expect(r.status).to.equal(1);
    expect(r.stderr).to.contain(`linker: error: ${noIndex}: archive has no symbol index; add one with 'ar s' or ranlib`);
    expect(fs.existsSync(out)).to.equal(false);

    const broken = path.join(dir, "broken.a");
    fs.writeFileSync(broken, "!<arch>\nnot a member header at all, just text that goes on and on and on\n");
    r = await ts386(["link", obj, broken, "-o", out]);
    expect(r.status).to.equal(1);
    expect(r.stderr).to.contain(`linker: error: ${broken}: not a valid archive: bad member header at offset 8`);

    // With the index, the same link works.
    const good = archive(path.join(dir, "libhelper.a"), [helper]);
    r = await ts386(["link", obj, good, "-o", out]);
    expect(r.stderr).to.equal("");
    expect(r.status).to.equal(0);
  });

  it("names archive members in messages as lib.a(member.o)", async function () {
    const obj = nasmText(dir, "caller", "section .text\nglobal _start\nextern needy\n_start: call needy\n");
    const needy = nasmText(dir, "needy", "section .text\nglobal needy\nextern nowhere\nneedy: call nowhere\nret\n");
    const lib = archive(path.join(dir, "libneedy.a"), [needy]);
    const r = await ts386(["link", obj, lib, "-o", path.join(dir, "needy.elf")]);
    expect(r.status).to.equal(1);
    expect(r.stderr).to.contain(`linker: error: undefined symbol 'nowhere' referenced from ${lib}(needy.o)(.text+0x1) in function 'needy'`);
  });
});
