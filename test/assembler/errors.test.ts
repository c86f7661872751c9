// Bad input: every error names the file, line and column, carries the offending
// line, and `ts386 asm` exits with status 1 without writing (or leaving) an output file.

import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { assembleStatements, assembleText } from "../../assembler/index.js";
import { DiagnosticError, formatDiagnostic } from "../../common/diagnostics.js";
import { tmpDir, ts386 } from "../tools.js";

function diagnose(src: string, file = "bad.asm"): { message: string; line: number; column: number; text: string } {
  try {
    assembleText(src, file);
  } catch (e) {
    if (!(e instanceof DiagnosticError)) throw e;
    const d = e.diagnostics[0]!;
    return { message: d.message, line: d.location!.line, column: d.location!.column, text: formatDiagnostic(d) };
  }
  throw new Error(`no error for:\n${src}`);
}

const CASES: { what: string; src: string; message: RegExp; line: number; column: number }[] = [
  { what: "unknown mnemonic", src: "nop\n  frobnicate eax, 1\n", message: /unknown instruction 'frobnicate'/, line: 2, column: 3 },
  { what: "unknown mnemonic after a label", src: "start: movq eax, 1\n", message: /unknown instruction 'movq'/, line: 1, column: 8 },
  { what: "operand combination that does not exist", src: "mov eax, cr0\nmov cr0, 5\n", message: /invalid combination of opcode and operands/, line: 2, column: 1 },
  { what: "push of an 8-bit register", src: "push al\n", message: /invalid combination of opcode and operands/, line: 1, column: 1 },
  { what: "mismatched register sizes", src: "mov al, ebx\n", message: /mismatch in operand sizes/, line: 1, column: 1 },
  { what: "byte immediate with mov", src: "mov eax, byte 5\n", message: /mismatch in operand sizes/, line: 1, column: 1 },
  { what: "memory operand without a size", src: "inc [eax]\n", message: /operation size not specified/, line: 1, column: 1 },
  { what: "label where a constant is needed", src: "times lbl db 0\nlbl:\n", message: /count of times must be a constant/, line: 1, column: 1 },
  { what: "undefined symbol", src: "nop\n  mov eax, [missing + 4]\n", message: /symbol 'missing' is not defined/, line: 2, column: 13 },
  { what: "undefined jump target", src: "jmp nowhere\n", message: /symbol 'nowhere' is not defined/, line: 1, column: 5 },
  { what: "undefined symbol in resb", src: "section .bss\nresb SIZE\n", message: /symbol 'SIZE' is not defined/, line: 2, column: 6 },
  { what: "undefined local label", src: "f:\n  jmp .nolocal\n", message: /symbol 'f\.nolocal' is not defined/, line: 2, column: 7 },
  { what: "duplicate label", src: "x:\n nop\nx:\n", message: /symbol 'x' is defined twice \(first defined at bad\.asm\(1,1\)\)/, line: 3, column: 1 },
  { what: "duplicate local label", src: "f:\n.a: nop\n.a: nop\n", message: /symbol 'f\.a' is defined twice/, line: 3, column: 1 },
  { what: "unterminated macro", src: "nop\n%macro m 0\nnop\n", message: /unterminated %macro \(missing %endmacro\)/, line: 2, column: 1 },
  { what: "unterminated %if", src: "%if 1\nnop\n", message: /unterminated %if \(missing %endif\)/, line: 1, column: 1 },
  { what: "unterminated %rep", src: "%rep 2\nnop\n", message: /unterminated %rep \(missing %endrep\)/, line: 1, column: 1 },
  { what: "%endif without %if", src: "nop\n%endif\n", message: /%endif without %if/, line: 2, column: 1 },
  { what: "imm8 out of range", src: "mov al, 300\n", message: /immediate 300 does not fit in 8 bits/, line: 1, column: 1 },
  { what: "int vector out of range", src: "int 256\n", message: /immediate 256 does not fit in 8 bits/, line: 1, column: 1 },
  { what: "db out of range", src: "db 1, 256\n", message: /value 256 does not fit in 8 bits/, line: 1, column: 1 },
  { what: "dw out of range", src: "dw 0x10000\n", message: /value 65536 does not fit in 16 bits/, line: 1, column: 1 },
  { what: "short jump out of range", src: "jmp short far_away\ntimes 200 nop\nfar_away:\n", message: /short jump is out of range \(200 bytes\)/, line: 1, column: 1 },
  { what: "missing include", src: '%include "nope.inc"\n', message: /unable to open include file 'nope\.inc'/, line: 1, column: 1 },
  { what: "%error", src: "%error stop here\n", message: /stop here/, line: 1, column: 1 },
  { what: "macro called with the wrong number of arguments", src: "%macro two 2\nnop\n%endmacro\ntwo 1\n", message: /macro 'two' takes 2 parameters, not 1/, line: 4, column: 1 },
  { what: "incomplete expression", src: "mov eax, 1 +\n", message: /expected an expression/, line: 1, column: 13 },
  { what: "unterminated string", src: 'db "abc\n', message: /unterminated string/, line: 1, column: 4 },
  { what: "too many address registers", src: "mov eax, [eax+ebx+ecx]\n", message: /too many registers/, line: 1, column: 11 },
  { what: "bad scale", src: "mov eax, [eax*3+ebx]\n", message: /invalid scale 3/, line: 1, column: 11 },
  { what: "register in an immediate", src: "mov eax, ebx+1\n", message: /register 'ebx' cannot be used in an expression outside \[ \]/, line: 1, column: 10 },
  { what: "relocatable value multiplied", src: "add eax, label1*2\nlabel1:\n", message: /needs plain numbers/, line: 1, column: 1 },
  { what: "division by zero", src: "mov eax, 1/0\n", message: /division by zero/, line: 1, column: 1 },
  { what: "data in .bss", src: "section .bss\ndb 1\n", message: /initialised data in the NOBITS section '\.bss'/, line: 2, column: 1 },
  { what: "unknown section attribute", src: "section .x progbits shiny\n", message: /unknown section attribute 'shiny'/, line: 1, column: 1 },
  { what: "section alignment not a power of two", src: "section .x align=12\n", message: /section alignment 12 is not a power of two/, line: 1, column: 1 },
  { what: "align not a power of two", src: "nop\nalign 6\n", message: /alignment 6 is not a power of two/, line: 2, column: 1 },
  { what: "negative times", src: "times -1 nop\n", message: /times count -1 is negative/, line: 1, column: 1 },
  { what: "instruction in absolute space", src: "absolute 0\nnop\n", message: /instruction in absolute space/, line: 2, column: 1 },
  { what: "endstruc without struc", src: "endstruc\n", message: /endstruc without struc/, line: 1, column: 1 },
  { what: "missing incbin file", src: 'incbin "nope.bin"\n', message: /unable to open incbin file 'nope\.bin'/, line: 1, column: 1 },
  { what: "unknown preprocessor directive", src: "%use smartalign\n", message: /unknown preprocessor directive '%use'/, line: 1, column: 1 },
  { what: "jump to an absolute address", src: "call 0x1000\n", message: /absolute address/, line: 1, column: 1 },
  { what: "16-bit code", src: "BITS 16\n", message: /only BITS 32 is supported/, line: 1, column: 1 },
  { what: "local label without a parent", src: ".x: nop\n", message: /local label '\.x' has no preceding non-local label/, line: 1, column: 1 },
  { what: "register as a label", src: "eax: nop\n", message: /'eax' is a register and cannot be a label/, line: 1, column: 1 },
  { what: "a register name of nasm's as a label", src: "nop\nK1 equ 200\n", message: /'K1' is a register name in nasm/, line: 2, column: 1 },
  { what: "invalid number", src: "mov eax, 0x\n", message: /invalid number '0x'/, line: 1, column: 10 },
  { what: "extern defined locally", src: "extern f\nf: nop\n", message: /'f' is declared extern and defined here/, line: 2, column: 1 },
  { what: "short jump to another section", src: "section .a\nx: nop\nsection .text\njmp short x\n", message: /short jump to a label in another section/, line: 4, column: 1 },
];

describe("assembler: error messages", function () {
  for (const c of CASES) {
    it(c.what, function () {
      const d = diagnose(c.src);
      expect(d.message).to.match(c.message);
      expect([d.line, d.column], d.text).to.deep.equal([c.line, c.column]);
      // tsc shape, then the offending line and a caret under the column.
      const lines = d.text.split("\n");
      expect(lines[0]).to.match(new RegExp(`^bad\\.asm\\(${c.line},${c.column}\\): error: `));
      expect(lines[1]!.trim()).to.equal(c.src.split("\n")[c.line - 1]!.trim());
      expect(lines[2]!.indexOf("^")).to.equal(4 + c.column - 1);
    });
  }

  it("reports an error inside a macro at the call, with the macro's own line", function () {
    const src = "%macro m 1\n  mov %1, 1\n  mov al, 300\n%endmacro\nnop\nm ebx\nm ecx\n";
    const d = diagnose(src, "mac.asm");
    expect(d.text).to.equal([
      "mac.asm(6,3): error: immediate 300 does not fit in 8 bits",
      "      mov al, 300",
      "      ^",
      "    (the line above is mac.asm(3), in macro 'm' called here)",
    ].join("\n"));
    const parse = diagnose("%macro m 0\n  nop\n  bogus eax\n%endmacro\nm\n", "mac.asm");
    expect([parse.line, parse.message]).to.deep.equal([5, "unknown instruction 'bogus'"]);
    expect(parse.text).to.contain("(the line above is mac.asm(3), in macro 'm' called here)");
  });

  it("rejects, through the statements API, mnemonics and prefixes that are Object.prototype names", function () {
    for (const [mnemonic, prefixes] of [["valueOf", []], ["jconstructor", []], ["settoString", []], ["cmovhasOwnProperty", []], ["nop", ["toString"]]] as const) {
      const loc = { file: "api.asm", line: 3, column: 1 };
      expect(() => assembleStatements([{ kind: "instruction", prefixes: [...prefixes], mnemonic, operands: [], loc }], "api.asm"), mnemonic)
        .to.throw(DiagnosticError, /unknown (instruction|prefix)/);
    }
  });

  it("reports an error inside an included file at that file's line", function () {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, "inc.asm"), "nop\nbogus_op eax\n");
    const main = path.join(dir, "main.asm");
    fs.writeFileSync(main, '%include "inc.asm"\n');
    try {
      assembleText(fs.readFileSync(main, "latin1"), main);
      expect.fail("no error");
    } catch (e) {
      const d = (e as DiagnosticError).diagnostics[0]!;
      expect(d.location!.file).to.equal(path.relative(".", path.join(dir, "inc.asm")));
      expect(d.location!.line).to.equal(2);
    }
  });
});

describe("ts386 asm command", function () {
  it("exits 1 with the diagnostic and leaves no output file (removing a stale one)", async function () {
    const dir = tmpDir();
    const input = path.join(dir, "bad.asm");
    const output = path.join(dir, "bad.o");
    fs.writeFileSync(input, "nop\nmov al, 1000\n");
    fs.writeFileSync(output, "stale");
    const r = await ts386(["asm", input, "-o", output]);
    expect(r.status).to.equal(1);
    expect(r.stderr).to.contain(`${input}(2,1): error: immediate 1000 does not fit in 8 bits`);
    expect(r.stderr).to.contain("    mov al, 1000");
    expect(fs.existsSync(output)).to.equal(false);
    expect(fs.readdirSync(dir)).to.deep.equal(["bad.asm"]);
  });

  it("writes an object and honours -D and -I", async function () {
    const dir = tmpDir();
    fs.mkdirSync(path.join(dir, "inc"));
    fs.writeFileSync(path.join(dir, "inc", "consts.inc"), "VALUE equ 7\n");
    const input = path.join(dir, "ok.asm");
    fs.writeFileSync(input, '%include "consts.inc"\n%ifdef WITH_EXTRA\nmov eax, EXTRA\n%endif\nmov ebx, VALUE\n');
    const output = path.join(dir, "out", "ok.o");
    const r = await ts386(["asm", input, "-o", output, "-D", "WITH_EXTRA", "-DEXTRA=0x11", "-I", path.join(dir, "inc")]);
    expect(r.stderr).to.equal("");
    expect(r.status).to.equal(0);
    const bytes = fs.readFileSync(output);
    expect(bytes.subarray(0, 4).toString("latin1")).to.equal("\x7fELF");
    expect(bytes.includes(Buffer.from([0xb8, 0x11, 0, 0, 0, 0xbb, 7, 0, 0, 0]))).to.equal(true);
  });

  it("is a usage error (exit 2) without -o or without an input", async function () {
    expect((await ts386(["asm", "x.asm"])).status).to.equal(2);
    expect((await ts386(["asm", "-o", "x.o"])).status).to.equal(2);
  });

  it("reports a missing input file with exit 1", async function () {
    const r = await ts386(["asm", "/nonexistent/x.asm", "-o", path.join(tmpDir(), "x.o")]);
    expect(r.status).to.equal(1);
    expect(r.stderr).to.match(/cannot access '\/nonexistent\/x\.asm'/);
  });
});
