// The statement API: assembling instruction objects directly gives the same object
// as formatting them to NASM text and assembling that text (with ts386 and with nasm).

import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { assembleStatements, assembleText, formatProgram, formatStatement, parseLines, preprocess } from "../../assembler/index.js";
import type { Expr, Instruction, Operand, Statement } from "../../assembler/statements.js";
import { readObject } from "../../elf/read-object.js";
import { writeObject } from "../../elf/write-object.js";
import { diffObjects } from "./compare.js";
import { corpus } from "./corpus.js";
import { repoRoot, requireTool, tmpDir } from "../tools.js";

const num = (value: number): Expr => ({ kind: "num", value });
const sym = (name: string): Expr => ({ kind: "sym", name });
const reg = (r: Extract<Operand, { kind: "reg" }>["reg"]): Operand => ({ kind: "reg", reg: r });
const imm = (e: Expr | number): Operand => ({ kind: "imm", expr: typeof e === "number" ? num(e) : e });
const ins = (mnemonic: string, ...operands: Operand[]): Instruction => ({ kind: "instruction", prefixes: [], mnemonic, operands });

/** What a compiler back end hands the assembler: a cdecl function with a loop, a call, data and a string. */
function compilerProgram(): Statement[] {
  return [
    { kind: "bits", bits: 32 },
    { kind: "extern", names: ["print"] },
    { kind: "global", names: ["sum_to:function", "table"], sizes: [{ kind: "binary", op: "-", left: sym("sum_to.end"), right: sym("sum_to") }, undefined] },
    { kind: "static", names: ["msg:data", "byte:data"], sizes: [num(11), undefined] },
    { kind: "section", name: ".text", attributes: [] },
    { kind: "comment", text: "u32 sumTo(n: u32)" },
    { kind: "label", name: "sum_to" },
    ins("push", reg("ebp")),
    ins("mov", reg("ebp"), reg("esp")),
    ins("sub", reg("esp"), imm(8)),
    ins("mov", reg("ecx"), { kind: "mem", base: "ebp", disp: num(8) }),
    ins("xor", reg("eax"), reg("eax")),
    { kind: "label", name: "sum_to.loop" },
    ins("test", reg("ecx"), reg("ecx")),
    ins("je", imm(sym("sum_to.done"))),
    { ...ins("add", reg("eax"), { kind: "mem", base: "ebx", index: "ecx", scale: 4, disp: sym("table") }), comment: "sum += table[i]" },
    ins("mov", { kind: "mem", size: 32, base: "ebp", disp: num(-4) }, reg("eax")),
    ins("movzx", reg("edx"), { kind: "mem", size: 8, disp: { kind: "binary", op: "+", left: sym("msg"), right: num(1) } }),
    ins("imul", reg("edx"), reg("edx"), imm(1000)),
    ins("sar", reg("edx"), imm(2)),
    ins("setl", reg("dl")),
    ins("cdq"),
    ins("idiv", reg("ecx")),
    ins("dec", reg("ecx")),
    ins("jmp", imm(sym("sum_to.loop"))),
    { kind: "label", name: "sum_to.done" },
    ins("push", imm(sym("msg"))),
    ins("call", imm(sym("print"))),
    ins("add", reg("esp"), imm(4)),
    ins("leave"),
    ins("ret"),
    { kind: "label", name: "sum_to.end" },
    { kind: "section", name: ".rodata", attributes: [] },
    { kind: "label", name: "msg" },
    { kind: "data", width: 1, items: [{ kind: "string", bytes: [...Buffer.from("it's \"ok\"\n")] }, { kind: "expr", expr: num(0) }] },
    { kind: "section", name: ".data", attributes: [] },
    { kind: "align", alignment: num(4), fill: "zero" },
    { kind: "label", name: "table" },
    { kind: "times", count: num(4), body: { kind: "data", width: 4, items: [{ kind: "expr", expr: sym("sum_to") }] } },
    { kind: "label", name: "byte" }, // a name that is also a keyword
    { kind: "label", name: "k1" }, // a mask register in nasm
    { kind: "data", width: 2, items: [{ kind: "expr", expr: { kind: "binary", op: "-", left: { kind: "here" }, right: sym("table") } }] },
    { kind: "data", width: 4, items: [{ kind: "expr", expr: sym("byte") }, { kind: "expr", expr: sym("SIZE") }] },
    ins("push", imm(sym("byte"))),
    { kind: "section", name: ".bss", attributes: [] },
    { kind: "reserve", width: 1, count: num(3) },
    { kind: "align", alignment: num(4), fill: "zero" }, // `alignb 4` in .bss
    { kind: "reserve", width: 4, count: num(16) },
    { kind: "equ", name: "SIZE", expr: num(64) },
  ];
}

describe("assembler: statements API and formatStatement", function () {
  it("formats statements as NASM text", function () {
    expect(formatStatement(ins("mov", { kind: "mem", size: 32, segment: "fs", base: "ebx", index: "esi", scale: 4, disp: num(-8) }, imm(5))))
      .to.equal("    mov dword [fs:ebx+esi*4+(-8)], 5");
    expect(formatStatement({ kind: "label", name: "eax" })).to.equal("$eax:");
    expect(formatStatement({ kind: "static", names: ["f:function", "eax"], sizes: [{ kind: "binary", op: "-", left: sym("f.end"), right: sym("f") }, undefined] }))
      .to.equal("static f:function (f.end - f), $eax");
    expect(formatStatement({ ...ins("ret"), comment: "done" })).to.match(/^ {4}ret +; done$/);
    expect(formatStatement({ kind: "data", width: 1, items: [{ kind: "string", bytes: [0x61, 0x60, 10] }] })).to.equal("    db `a\\x60\\x0a`");
  });

  it("assembling statements equals assembling their formatted text (compiler-style program)", function () {
    const stmts = compilerProgram();
    const direct = assembleStatements(stmts, "prog.asm");
    const viaText = assembleText(formatProgram(stmts), "prog.asm");
    expect(diffObjects(direct, viaText)).to.deep.equal([]);
    expect(direct.sections.find((s) => s.name === ".text")!.data.length).to.be.greaterThan(40);
  });

  it("the formatted compiler-style program is byte-identical under nasm, which has no warning for it", function () {
    requireTool(this, "nasm");
    const dir = tmpDir();
    const text = formatProgram(compilerProgram());
    expect(text).to.contain("section .data\n    align 4, db 0\n").and.to.contain("\n    alignb 4\n");
    fs.writeFileSync(path.join(dir, "prog.asm"), text);
    const nasm = spawnSync("nasm", ["-f", "elf32", "prog.asm", "-o", "prog.o"], { cwd: dir, encoding: "latin1" });
    expect(nasm.status, nasm.stderr).to.equal(0);
    expect(nasm.stderr).to.equal("");
    const theirs = readObject(fs.readFileSync(path.join(dir, "prog.o")), "prog.o");
    const mine = readObject(writeObject(assembleStatements(compilerProgram(), "prog.asm")), "ours");
    expect(diffObjects(mine, theirs)).to.deep.equal([]);
  });

  const corpusDir = tmpDir("ts386-format-");
  for (const f of corpus()) for (const x of f.extra ?? []) fs.writeFileSync(path.join(corpusDir, x.name), x.bytes);
  const sources = [
    ...corpus().map((f) => ({ name: path.join(corpusDir, f.name), text: f.text })),
    ...(fs.existsSync(path.join(repoRoot, "boot")) ? fs.readdirSync(path.join(repoRoot, "boot")).filter((n) => n.endsWith(".asm"))
      .map((n) => ({ name: n, text: fs.readFileSync(path.join(repoRoot, "boot", n), "latin1") })) : []),
  ];
  for (const f of sources) {
    it(`round-trips ${path.basename(f.name)}: parse -> format -> assemble gives the same object`, function () {
      const stmts = parseLines(preprocess(f.text, f.name));
      const direct = assembleStatements(stmts, f.name);
      const text = formatProgram(stmts);
      const viaText = assembleText(text, f.name);
      expect(diffObjects(direct, viaText)).to.deep.equal([]);
      expect(diffObjects(direct, assembleText(f.text, f.name))).to.deep.equal([]);
    });
  }
});
