// The linker script reader: syntax, expressions and the in-process link() API.

import { expect } from "chai";
import * as fs from "node:fs";
import { DiagnosticError } from "../../common/diagnostics.js";
import { readObject } from "../../elf/read-object.js";
import { link } from "../../linker/link.js";
import { globToRegExp } from "../../linker/place-sections.js";
import type { Expression } from "../../linker/script/ast.js";
import { evaluate, type Scope } from "../../linker/script/evaluate.js";
import { parseScript } from "../../linker/script/parser.js";
import { requireTool, tmpDir } from "../tools.js";
import { nasmText } from "./build-objects.js";
import { readExecutable } from "./elf-image.js";

/** Evaluates `sym = EXPR;` with `.` at 0x1234 and no symbols. */
function value(expr: string): number {
  const script = parseScript(`v = ${expr};`, "expr.ld");
  const a = script.statements[0]!;
  if (a.kind !== "assignment") throw new Error("not an assignment");
  const scope: Scope = {
    dot: () => ({ value: 0x1234, relative: null }),
    symbol: (name) => { throw new Error(`no symbol ${name}`); },
    defined: (name) => name === "known",
    section: (name) => { throw new Error(`no section ${name}`); },
    sizeofHeaders: () => 0x74,
    inSection: () => null,
  };
  return evaluate(a.value as Expression, scope).value;
}

function parseError(text: string): string {
  try {
    parseScript(text, "t.ld");
  } catch (e) {
    if (e instanceof DiagnosticError) return e.message;
    throw e;
  }
  throw new Error("expected a parse error");
}

describe("linker: script syntax and expressions", function () {
  it("reads numbers: hex, decimal, octal, K and M suffixes", function () {
    expect(value("0x10")).to.equal(16);
    expect(value("4K")).to.equal(4096);
    expect(value("1M")).to.equal(0x100000);
    expect(value("0x2K")).to.equal(2048);
    expect(value("010")).to.equal(8);
    expect(value("0")).to.equal(0);
  });

  it("evaluates C precedence, ALIGN, MIN/MAX, DEFINED, ?:, SIZEOF_HEADERS, CONSTANT", function () {
    expect(value("1 + 2 * 3")).to.equal(7);
    expect(value("(1 + 2) * 3")).to.equal(9);
    expect(value("1 << 4 | 1")).to.equal(17);
    expect(value("-1")).to.equal(0xffffffff);
    expect(value("~0 & 0xff")).to.equal(0xff);
    expect(value("10 / 3 + 10 % 3")).to.equal(4);
    expect(value("ALIGN(0x1000)")).to.equal(0x2000);
    expect(value("ALIGN(0x1001, 16)")).to.equal(0x1010);
    expect(value("MAX(3, 9) - MIN(3, 9)")).to.equal(6);
    expect(value("DEFINED(known) ? 5 : 6")).to.equal(5);
    expect(value("DEFINED(unknown) ? 5 : 6")).to.equal(6);
    expect(value("1 < 2 && 2 <= 2 && 3 > 2 && 3 >= 3 && 1 == 1 && 1 != 2")).to.equal(1);
    expect(value("0x08048000 + SIZEOF_HEADERS")).to.equal(0x08048074);
    expect(value("CONSTANT(MAXPAGESIZE)")).to.equal(0x1000);
    expect(value(". + 4")).to.equal(0x1238);
  });

  it("parses a kernel script: comments, ENTRY, KEEP, several patterns, PROVIDE, /DISCARD/", function () {
    const s = parseScript(`/* a kernel */
ENTRY(_start)
OUTPUT_FORMAT("elf32-i386")
SECTIONS {
  . = 1M;
  .text ALIGN(4K) : { KEEP(*(.multiboot)) *(.text .text.*) }
  .bss : ALIGN(16) { *(COMMON) *boot.o(.bss) }
  PROVIDE(end = .);
  /DISCARD/ : { *(.comment) }
}`, "k.ld");
    expect(s.entry?.symbol).to.equal("_start");
    const names = s.statements.map((st) => (st.kind === "assignment" ? `${st.target}${st.provide ? " (provide)" : ""}` : st.kind === "assert" ? "ASSERT" : st.name));
    expect(names).to.deep.equal([".", ".text", ".bss", "end (provide)", "/DISCARD/"]);
    const text = s.statements[1]!;
    if (text.kind !== "output-section") throw new Error("expected .text");
    expect(text.address?.kind).to.equal("call");
    expect(text.items.map((i) => (i.kind === "input" ? `${i.keep ? "KEEP " : ""}${i.file.text}(${i.sections.map((p) => p.text).join(" ")})` : "="))).to.deep.equal(["KEEP *(.multiboot)", "*(.text .text.*)"]);
    const bss = s.statements[2]!;
    if (bss.kind !== "output-section") throw new Error("expected .bss");
    expect(bss.align?.kind).to.equal("number");
    expect(bss.items[1]!.kind === "input" && bss.items[1]!.file.text).to.equal("*boot.o");
  });

  it("takes names that are Object.prototype properties as plain names", function () {
    expect(parseError("v = constructor(1);")).to.match(/^t\.ld\(1,5\): error: function 'constructor' is not supported/);
    const s = parseScript("SECTIONS {\n  .text : { *(toString) valueOf = .; *(constructor) }\n}", "t.ld");
    const text = s.statements[0]!;
    if (text.kind !== "output-section") throw new Error("expected .text");
    expect(text.items.map((i) => (i.kind === "input" ? `${i.file.text}(${i.sections.map((p) => p.text).join(" ")})` : i.kind)))
      .to.deep.equal(["*(toString)", "assignment", "*(constructor)"]);
  });

  it("rejects what it does not implement, at the right place", function () {
    expect(parseError("SECTIONS {\n  .data : SUBALIGN(4) { *(.data) }\n}")).to.match(/^t\.ld\(2,11\): error: 'SUBALIGN' on an output section is not supported/);
    expect(parseError("SECTIONS {\n  .data : { *(.data) } AT> rom\n}")).to.match(/^t\.ld\(2,24\): error: memory regions/);
    expect(parseError("SECTIONS {\n  .bss (COPY) : { *(.bss) }\n}")).to.match(/^t\.ld\(2,9\): error: output section type '\(COPY\)' is not supported/);
    expect(parseError("OUTPUT_FORMAT(elf64-x86-64)")).to.match(/^t\.ld\(1,15\): error: output format 'elf64-x86-64' is not supported/);
    expect(parseError("SECTIONS {\n  .text : { *(.text) } > ram\n}")).to.match(/^t\.ld\(2,24\): error: memory regions/);
    expect(parseError("SECTIONS {\n  .text : { SORT(*)(.text*) }\n}")).to.match(/^t\.ld\(2,13\): error: 'SORT' is not supported/);
    expect(parseError("SECTIONS {\n  .text : { *(SORT_BY_INIT_PRIORITY(.ctors.*)) }\n}")).to.match(/^t\.ld\(2,15\): error: 'SORT_BY_INIT_PRIORITY' is not supported/);
    expect(parseError("x = FOO(1);")).to.match(/^t\.ld\(1,5\): error: function 'FOO' is not supported/);
    expect(parseError("SECTIONS {\n  .text : { *(.text)\n")).to.match(/^t\.ld\(3,1\): error: missing '}' at the end of output section '\.text'/);
  });

  it("matches ld globs", function () {
    expect(globToRegExp(".text.*").test(".text.startup")).to.equal(true);
    expect(globToRegExp(".text.*").test(".text")).to.equal(false);
    expect(globToRegExp(".rodata*").test(".rodata.str1.1")).to.equal(true);
    expect(globToRegExp(".data.[ab]").test(".data.b")).to.equal(true);
    expect(globToRegExp(".data.[!ab]").test(".data.b")).to.equal(false);
    expect(globToRegExp("?bss").test(".bss")).to.equal(true);
  });
});

describe("linker: the link() API", function () {
  it("links in-process and returns bytes, entry, sections, segments and symbol addresses; locals stay per object", function () {
    requireTool(this, "nasm");
    const dir = tmpDir("ts386-link-api-");
    // Both objects have a local 'count' and a local 'done' label; each must use its own.
    const src = (n: number, extra: string) => `
section .text
${extra}
global bump${n}
bump${n}:
    inc dword [count]
    jmp short done
done:
    ret
section .data
count: dd ${n}
`;
    const a = nasmText(dir, "a", src(1, "global _start\nextern bump2\n_start: call bump1\ncall bump2\nret"));
    const b = nasmText(dir, "b", src(2, ""));
    const objects = [a, b].map((p) => readObject(new Uint8Array(fs.readFileSync(p)), p));
    const script = { text: "ENTRY(_start) SECTIONS { . = 0x400000; .text : { *(.text) } .data ALIGN(0x1000) : { *(.data) } }", fileName: "api.ld" };
    const r = link(objects, { target: "kernel", script });
    expect(Buffer.from(link(objects, { target: "kernel", script }).bytes).equals(Buffer.from(r.bytes)), "linking again gives the same bytes").to.equal(true);
    expect(r.entry).to.equal(0x400000);
    expect(r.symbols.get("_start")).to.equal(0x400000);
    expect(r.sections.map((s) => `${s.name}@${s.address.toString(16)}`)).to.deep.equal([".text@400000", ".data@401000"]);
    expect(r.segments.map((s) => s.flags)).to.deep.equal([5, 6]);

    // Each bump increments its own object's 'count': check the absolute addresses in the code.
    const bump1 = r.symbols.get("bump1")! - 0x400000;
    const bump2 = r.symbols.get("bump2")! - 0x400000;
    const text = r.bytes.subarray(r.segments[0]!.fileOffset, r.segments[0]!.fileOffset + r.segments[0]!.fileSize);
    const view = new DataView(text.buffer, text.byteOffset, text.byteLength);
    // inc dword [abs32] is ff 05 <addr32>
    expect([text[bump1], text[bump1 + 1]]).to.deep.equal([0xff, 0x05]);
    expect(view.getUint32(bump1 + 2, true)).to.equal(0x401000);
    expect(view.getUint32(bump2 + 2, true)).to.equal(0x401004);
    // Both 'done' labels are in the symbol table as locals, each at its own object's address
    // (inc [abs32] is 6 bytes, jmp short 2: done = bump + 8).
    const done = readExecutable(r.bytes).symbols.filter((x) => x.name === "done");
    expect(done.map((x) => [x.value, x.bind, x.section])).to.deep.equal([
      [r.symbols.get("bump1")! + 8, 0, ".text"],
      [r.symbols.get("bump2")! + 8, 0, ".text"],
    ]);
  });
});
