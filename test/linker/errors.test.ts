// Bad input to `ts386 link`: each problem gets a clear message, exit status 1,
// and no output file is left behind (not even an older one).

import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { requireTool, tmpDir, ts386 } from "../tools.js";
import { nasmText } from "./build-objects.js";

describe("linker: errors", function () {
  let dir: string;
  let out: string;
  before(function () {
    requireTool(this, "nasm");
    dir = tmpDir("ts386-link-errors-");
  });
  beforeEach(function () {
    out = path.join(dir, "out.elf");
    fs.writeFileSync(out, "an older output that a failed link must not leave looking current");
  });

  /** Runs a link that must fail; returns its diagnostics. */
  async function linkFails(args: string[]): Promise<string> {
    const r = await ts386(["link", ...args, "-o", out]);
    expect(r.status, r.stderr).to.equal(1);
    expect(fs.existsSync(out), "no output file").to.equal(false);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp")), "no temporary file").to.deep.equal([]);
    expect(r.stderr).not.to.contain("internal error");
    return r.stderr;
  }

  function script(name: string, text: string): string {
    const p = path.join(dir, name);
    fs.writeFileSync(p, text);
    return p;
  }

  it("reports every undefined symbol with object, section, offset and function", async function () {
    const isr = nasmText(dir, "isr", `
section .text
global isr_common
extern foo, bar
isr_common:
    times 25 nop
    call foo            ; the call is at 0x19, its R_386_PC32 field at 0x1a
    ret
other:
    mov eax, [bar]
section .data
    dd foo
`);
    const err = await linkFails([isr]);
    expect(err).to.contain(`linker: error: undefined symbol 'foo' referenced from ${isr}(.text+0x1a) in function 'isr_common'\n`);
    expect(err).to.contain(`linker: error: undefined symbol 'bar' referenced from ${isr}(.text+0x20) in function 'other'\n`);
    expect(err).to.contain(`linker: error: undefined symbol 'foo' referenced from ${isr}(.data+0x0)\n`);
  });

  it("reports a duplicate global with both places", async function () {
    const a = nasmText(dir, "dup-a", "section .text\nglobal dup\nnop\ndup: ret\n");
    const b = nasmText(dir, "dup-b", "section .data\nglobal dup\ndd 0\ndup: dd 1\n");
    const err = await linkFails([a, b]);
    expect(err).to.contain(`linker: error: duplicate symbol 'dup': defined in ${b}(.data+0x4) and first in ${a}(.text+0x1)`);
  });

  it("accepts a weak and a strong definition, and two weak ones", async function () {
    const strong = nasmText(dir, "strong", "section .text\nglobal _start, hook\n_start: call hook\nhook: ret\n");
    const weak = nasmText(dir, "weak", "section .text\nglobal hook:weak\nhook: nop\nret\n");
    const r = await ts386(["link", weak, strong, weak, "-o", out]);
    expect(r.stderr).to.equal("");
    expect(r.status).to.equal(0);
  });

  it("reports script errors at their line and column, with the line and a caret", async function () {
    const obj = nasmText(dir, "plain", "section .text\nglobal _start\n_start: ret\n");
    const cases: [string, string, RegExp][] = [
      ["unknown.ld", "SECTIONS\n{\n  .text : { *(.text) }\n  FROBNICATE(1)\n}\n", /unknown\.ld\(4,3\): error: unknown command 'FROBNICATE' in SECTIONS/],
      ["memory.ld", "MEMORY { ram : ORIGIN = 0, LENGTH = 1M }\n", /memory\.ld\(1,1\): error: 'MEMORY' is not supported by ts386 link/],
      ["semicolon.ld", "SECTIONS {\n  . = 1M\n  .text : { *(.text) }\n}\n", /semicolon\.ld\(3,3\): error: expected ';' after the assignment to '\.'/],
      ["number.ld", "SECTIONS {\n  . = 12Q;\n}\n", /number\.ld\(2,7\): error: malformed number '12Q'/],
      ["comment.ld", "/* never closed\nSECTIONS { }\n", /comment\.ld\(1,1\): error: unterminated comment/],
      ["phdrs.ld", "SECTIONS {\n  .text : { *(.text) } :text\n}\n", /phdrs\.ld\(2,24\): error: memory regions and program headers after an output section are not supported/],
      ["byte.ld", "SECTIONS {\n  .data : { BYTE(0x1ff) }\n}\n", /byte\.ld\(2,13\): error: value 0x1ff does not fit in BYTE/],
      ["entry.ld", "ENTRY(nowhere)\nSECTIONS { .text : { *(.text) } }\n", /entry\.ld\(1,1\): error: entry symbol 'nowhere' is not defined/],
      ["backwards.ld", "SECTIONS {\n  . = 1M;\n  .text : { *(.text) . = ABSOLUTE(0x1000); }\n}\n", /backwards\.ld\(3,22\): error: cannot move the location counter backwards/],
      ["forward.ld", "SECTIONS {\n  early = _start;\n  .text : { *(.text) }\n}\n", /forward\.ld\(2,11\): error: symbol '_start' is used before the address of its section is known/],
      ["assert.ld", "SECTIONS {\n  .text : { *(.text) }\n  ASSERT(SIZEOF(.text) > 0x100000, \"kernel code too small\");\n}\n", /assert\.ld\(3,3\): error: kernel code too small/],
      ["align.ld", "SECTIONS {\n  . = ALIGN(3);\n}\n", /align\.ld\(2,7\): error: alignment 3 is not a power of two/],
    ];
    for (const [name, text, expected] of cases) {
      const err = await linkFails([obj, "-T", script(name, text)]);
      expect(err, name).to.match(expected);
      expect(err.split("\n")[1], `${name}: the script line follows`).to.match(/^ {4}.*\S/);
      expect(err.split("\n")[2], `${name}: a caret under the column`).to.match(/^ +\^$/);
    }
  });

  it("reports relocation overflow, unsupported relocation types and references into /DISCARD/", async function () {
    const narrow = nasmText(dir, "narrow", "section .text\nglobal _start\nextern far_away\n_start: ret\nsection .data\nfield: dw far_away\n");
    const far = nasmText(dir, "far", "section .text\nglobal far_away\nfar_away: ret\n");
    const err = await linkFails([narrow, far]);
    expect(err).to.match(/linker: error: relocation truncated to fit: R_386_16 against 'far_away' \(value 0x1000\d\d\) at .*narrow\.o\(\.data\+0x0\) in 'field'/);

    const got = nasmText(dir, "got", "section .text\nglobal _start\nextern foo\n_start: mov eax, [ebx + foo wrt ..got]\n");
    expect(await linkFails([got, far])).to.contain(`unsupported relocation R_386_GOT32 at ${got}(.text+0x2) in function '_start'`);

    const uses = nasmText(dir, "uses", "section .text\nglobal _start\n_start: mov eax, [table]\nsection .gone\ntable: dd 1\n");
    const discard = script("discard.ld", "SECTIONS { .text : { *(.text) } /DISCARD/ : { *(.gone) } }\n");
    expect(await linkFails([uses, "-T", discard])).to.match(/refers to 'table', which is in section .*uses\.o\(\.gone\) discarded by \/DISCARD\//);
  });

  it("reports overlapping output sections", async function () {
    const obj = nasmText(dir, "two", "section .a\ndd 1, 2\nsection .b\ndd 3\nsection .text\nglobal _start\n_start: ret\n");
    const s = script("overlap.ld", "SECTIONS {\n  .a 0x100000 : { *(.a) }\n  .b 0x100004 : { *(.b) }\n}\n");
    expect(await linkFails([obj, "-T", s])).to.contain("linker: error: section '.b' [0x100004, 0x100008) overlaps section '.a' [0x100000, 0x100008)");
  });

  it("reports input that is not an ELF32 i386 relocatable object", async function () {
    const text = path.join(dir, "notes.o");
    fs.writeFileSync(text, "this is not an object file, it is a text file that is long enough for a header");
    expect(await linkFails([text])).to.contain(`linker: error: ${text}: not a valid ELF32 i386 relocatable object: bad ELF magic`);

    const good = nasmText(dir, "good", "section .text\nglobal _start\n_start: ret\n");
    const bytes = fs.readFileSync(good);
    const amd64 = path.join(dir, "amd64.o");
    const patched = Buffer.from(bytes);
    patched.writeUInt16LE(62, 18); // EM_X86_64
    fs.writeFileSync(amd64, patched);
    expect(await linkFails([amd64])).to.contain("machine is 62, not EM_386");

    const truncated = path.join(dir, "truncated.o");
    fs.writeFileSync(truncated, bytes.subarray(0, 100));
    expect(await linkFails([truncated])).to.contain("not a valid ELF32 i386 relocatable object");

    expect(await linkFails([path.join(dir, "missing.o")])).to.contain("cannot access");
  });

  it("treats a missing -o or no input as usage errors (status 2)", async function () {
    expect((await ts386(["link", "x.o"])).status).to.equal(2);
    expect((await ts386(["link", "-o", out])).status).to.equal(2);
    expect((await ts386(["link", "x.o", "-o", out, "--target", "windows"])).status).to.equal(2);
  });
});
