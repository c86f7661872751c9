// Unit tests for the preprocessor: what lines come out of %define, %assign, %macro,
// %rep, %if and %include, and the ..@N names NASM gives macro-local labels.

import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { preprocess } from "../../assembler/preprocess.js";
import { tmpDir } from "../tools.js";

function lines(src: string, defines: Record<string, string> = {}, includePaths: string[] = []): string[] {
  return preprocess(src, "t.asm", { defines, includePaths }).map((l) => l.text.trim()).filter((t) => t !== "");
}

describe("assembler: preprocessor", function () {
  it("%define substitutes whole identifiers, lazily; %xdefine expands at definition", function () {
    expect(lines("%define A 1\n%define B A+A\nmov eax, B\nmov eax, AB\n%define A 2\nmov eax, B")).to.deep.equal([
      "mov eax, 1+1", "mov eax, AB", "mov eax, 2+2",
    ]);
    expect(lines("%define A 1\n%xdefine B A\n%define A 2\ndd B")).to.deep.equal(["dd 1"]);
  });

  it("%define with parameters, nested calls, and no expansion inside strings or comments", function () {
    expect(lines("%define SQ(x) ((x)*(x))\n%define ADD(a,b) (a+b)\ndd SQ(ADD(1,2)) ; SQ(3)\ndb 'SQ(1)'")).to.deep.equal([
      "dd (((1+2))*((1+2))) ; SQ(3)", "db 'SQ(1)'",
    ]);
  });

  it("%undef, %idefine (case-insensitive) and -D definitions", function () {
    expect(lines("%define X 1\n%undef X\ndd X")).to.deep.equal(["dd X"]);
    expect(lines("%idefine Foo 5\ndd FOO, foo")).to.deep.equal(["dd 5, 5"]);
    expect(lines("dd LEVEL", { LEVEL: "3" })).to.deep.equal(["dd 3"]);
  });

  it("%assign evaluates now, so it can count", function () {
    expect(lines("%assign i 1\n%assign i i*2+1\n%assign j i << 2\ndd i, j")).to.deep.equal(["dd 3, 12"]);
  });

  it("%macro with %1..%n, %0, defaults, greedy last parameter, {} grouping and %+", function () {
    const src = `%macro m 1-3 10, 20
dd %0, %1, %2, %3
%endmacro
%macro all 1+
db %1
%endmacro
%macro cat 2
lbl_ %+ %1 %+ %2:
%endmacro
m 1
m 1, 2, 3
all 1, 2, 3
all {4, 5}
cat a, b`;
    expect(lines(src)).to.deep.equal(["dd 3, 1, 10, 20", "dd 3, 1, 2, 3", "db 1, 2, 3", "db 4, 5", "lbl_ab:"]); // %0 counts defaults, as in nasm
  });

  it("numbers %%labels the way nasm does, counting its built-in directive macros", function () {
    const src = "BITS 32\nsection .text\n%macro m 0\n%%x: jmp %%x\n%endmacro\nm\nalign 4\nm\nglobal foo\nlbl: m";
    expect(lines(src)).to.deep.equal([
      "BITS 32", "section .text", "..@2.x: jmp ..@2.x", "align 4", "..@5.x: jmp ..@5.x", "global foo", "lbl:", "..@7.x: jmp ..@7.x",
    ]);
  });

  it("nested macro calls and macros defined by macros", function () {
    const src = "%macro inner 1\nnop %1\n%endmacro\n%macro outer 1\ninner %1\ninner %1+1\n%endmacro\nouter 5";
    expect(lines(src)).to.deep.equal(["nop 5", "nop 5+1"]);
  });

  it("%rotate walks the parameters of a variadic macro", function () {
    const src = "%macro pushall 1-*\n%rep %0\npush %1\n%rotate 1\n%endrep\n%endmacro\n%macro popall 1-*\n%rep %0\n%rotate -1\npop %1\n%endrep\n%endmacro\npushall eax, ebx, ecx\npopall eax, ebx, ecx";
    expect(lines(src)).to.deep.equal(["push eax", "push ebx", "push ecx", "pop ecx", "pop ebx", "pop eax"]);
  });

  it("text conditions: %ifidn, %ifidni, %ifnum, %ifid, %ifstr, %ifempty, %ifmacro and their negations", function () {
    const src = `%macro m 0
%endmacro
%ifidn a , a
idn
%endif
%ifidn a, A
wrong
%elifidni a, A
idni
%endif
%ifnum 0x10
num
%endif
%ifnnum x
nnum
%endif
%ifid foo.bar
id
%endif
%ifstr 'text'
str
%endif
%ifempty
empty
%endif
%ifmacro m
macro
%endif
%ifn 0
ifn
%endif`;
    expect(lines(src)).to.deep.equal(["idn", "idni", "num", "nnum", "id", "str", "empty", "macro", "ifn"]);
  });

  it("%[...] expands in place and pastes", function () {
    expect(lines("%assign i 7\ndd isr%[i], %[i+1]")).to.deep.equal(["dd isr7, 7+1"]);
  });

  it("%rep repeats, nests, and stops at %exitrep", function () {
    expect(lines("%assign i 0\n%rep 3\ndb i\n%assign i i+1\n%endrep")).to.deep.equal(["db 0", "db 1", "db 2"]);
    expect(lines("%rep 2\n%rep 2\nnop\n%endrep\nhlt\n%endrep")).to.deep.equal(["nop", "nop", "hlt", "nop", "nop", "hlt"]);
    expect(lines("%assign i 0\n%rep 100\n%if i == 2\n%exitrep\n%endif\ndb i\n%assign i i+1\n%endrep")).to.deep.equal(["db 0", "db 1"]);
  });

  it("%if / %elif / %else / %endif, nested, with %ifdef and %ifndef", function () {
    const src = `%define A 2
%if A == 1
one
%elif A == 2
two
%if 0
never
%else
nested_else
%endif
%else
other
%endif
%ifdef A
defined
%endif
%ifndef A
undefined
%elifdef A
elifdef
%endif
%if 0
%if 1
hidden
%endif
%endif`;
    expect(lines(src)).to.deep.equal(["two", "nested_else", "defined", "elifdef"]);
  });

  it("skips macro and %rep bodies inside a false %if", function () {
    expect(lines("%if 0\n%macro m 0\n%if 1\n%endmacro\n%rep 2\n%endrep\n%endif\nok")).to.deep.equal(["ok"]);
  });

  it("%include searches beside the including file, then the -I paths", function () {
    const dir = tmpDir();
    fs.mkdirSync(path.join(dir, "sub"));
    fs.mkdirSync(path.join(dir, "lib"));
    fs.writeFileSync(path.join(dir, "sub", "a.inc"), '%include "b.inc"\nfrom_a\n');
    fs.writeFileSync(path.join(dir, "sub", "b.inc"), "from_b\n");
    fs.writeFileSync(path.join(dir, "lib", "c.inc"), "%define FROM_C 1\n");
    const main = path.join(dir, "main.asm");
    const out = preprocess('%include "sub/a.inc"\n%include "c.inc"\ndd FROM_C\n', main, { includePaths: [path.join(dir, "lib")] });
    expect(out.map((l) => l.text)).to.deep.equal(["from_b", "from_a", "dd 1"]);
    expect(path.basename(out[0]!.origin.file)).to.equal("b.inc");
    expect(out[0]!.origin.line).to.equal(1);
  });

  it("keeps the original line numbers (also across backslash continuations)", function () {
    const out = preprocess("nop\ndb 1, \\\n 2\n%define X\nhlt\n", "t.asm");
    expect(out.map((l) => [l.text, l.origin.line])).to.deep.equal([["nop", 1], ["db 1,  2", 2], ["hlt", 5]]);
  });
});
