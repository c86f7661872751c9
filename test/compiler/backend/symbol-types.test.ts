// Compiled functions and data objects carry their ELF type and size, as gcc's do
// (`global/static f:function (size)`, `:data size`), so nm -S, readelf, perf,
// valgrind and gdb can name and size them; the --emit-asm text gives nasm the same
// symbol table.

import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { readObject } from "../../../elf/read-object.js";
import type { ObjectFile, ObjectSymbol } from "../../../elf/types.js";
import { diffObjects } from "../../assembler/compare.js";
import { hasTool, requireTool, run, tmpDir, ts386 } from "../../tools.js";

const PROGRAM = `
const table = new StaticArray<u32>(6);
const message = "hello";
let counter: i32 = 3;

function classify(x: i32): i32 {
  switch (x) {
    case 0: return 10;
    case 1: return 11;
    case 2: return 12;
    case 3: return 13;
    case 4: return 14;
    default: return -1;
  }
}

function fill(n: i32): void {
  let i: i32 = 0;
  while (i < n) {
    table[i] = u32(classify(i) * counter);
    i = i + 1;
  }
}

export function helper(a: i32, b: i32): i32 {
  if (a > b) return a - b;
  return helper(b, a) + 1;
}

export function main(): i32 {
  fill(6);
  counter = counter + i32(message.length);
  return (i32(table[2]) + helper(5, 9) + classify(9) + 1) & 255; // a second call: classify stays a function
}
`;

/** A ts386 label inside a function: block "f.L3", jump table "f.jt0", the last function's end "f.end". */
const isInnerLabel = (name: string): boolean => /\.(L\d+|jt\d+|end)$/.test(name);

function textSymbols(obj: ObjectFile): ObjectSymbol[] {
  const text = obj.sections.findIndex((s) => s.name === ".text");
  return obj.symbols.filter((s) => s.section.kind === "section" && s.section.index === text && s.type !== "section" && !isInnerLabel(s.name));
}

describe("compiled symbols: ELF types and sizes", function () {
  const dir = tmpDir("ts386-symtypes-");
  const src = path.join(dir, "prog.ts");
  const obj = path.join(dir, "prog.o");
  const asm = path.join(dir, "prog.asm");
  fs.writeFileSync(src, PROGRAM);

  before(async function () {
    const r = await ts386(["compile", src, "-o", obj, "--target", "linux", "--emit-asm", asm]);
    expect(r.stderr).to.equal("");
    expect(r.status).to.equal(0);
  });

  it("every function is STT_FUNC, exported ones global, and the sizes tile .text", function () {
    const o = readObject(new Uint8Array(fs.readFileSync(obj)), obj);
    const fns = textSymbols(o).sort((a, b) => a.value - b.value);
    expect(fns.map((s) => s.name).sort()).to.include.members(["helper", "main"]);
    for (const s of fns) {
      expect(s.type, s.name).to.equal("func");
      expect(s.size, s.name).to.be.greaterThan(0);
      expect(s.binding, s.name).to.equal(s.name === "helper" || s.name === "main" ? "global" : "local");
    }
    // Functions are contiguous: each one's size is the next one's address minus its start.
    fns.forEach((s, i) => expect(s.value + s.size, s.name).to.equal(i + 1 < fns.length ? fns[i + 1]!.value : o.sections.find((x) => x.name === ".text")!.size));
    expect(fns[0]!.value).to.equal(0);
  });

  it("data objects are STT_OBJECT with their size", function () {
    const o = readObject(new Uint8Array(fs.readFileSync(obj)), obj);
    const table = o.symbols.find((s) => s.name === "table")!;
    expect(table.type).to.equal("object");
    expect(table.size).to.equal(24);
    const counter = o.symbols.find((s) => s.name === "counter")!;
    expect(counter.type).to.equal("object");
    expect(counter.size).to.equal(4);
  });

  it("nm -S and readelf -s see sized t/T functions", function () {
    requireTool(this, "i686-linux-gnu-nm", "i686-linux-gnu-readelf");
    const nm = run("i686-linux-gnu-nm", ["-S", obj]);
    expect(nm).to.match(/^[0-9a-f]{8} [0-9a-f]{8} T main$/m);
    expect(nm).to.match(/^[0-9a-f]{8} [0-9a-f]{8} t classify$/m);
    const readelf = run("i686-linux-gnu-readelf", ["-s", obj]);
    expect(readelf).to.match(/ FUNC +LOCAL +DEFAULT +\d+ fill$/m);
    expect(readelf).to.match(/ FUNC +GLOBAL +DEFAULT +\d+ helper$/m);
  });

  it("the --emit-asm text gives ts386 asm and nasm the same symbol table", async function () {
    const viaAsm = path.join(dir, "via-asm.o");
    const a = await ts386(["asm", asm, "-o", viaAsm]);
    expect(a.stderr).to.equal("");
    const ours = readObject(new Uint8Array(fs.readFileSync(viaAsm)), viaAsm);
    const compiled = readObject(new Uint8Array(fs.readFileSync(obj)), obj);
    const strip = (o: ObjectFile) => o.symbols.slice(1).map((s) => `${s.name}:${s.value}:${s.size}:${s.binding}:${s.type}`);
    expect(strip(ours)).to.deep.equal(strip(compiled));
    if (!hasTool("nasm")) return;
    const viaNasm = path.join(dir, "via-nasm.o");
    run("nasm", ["-f", "elf32", "-o", viaNasm, asm]);
    expect(diffObjects(ours, readObject(new Uint8Array(fs.readFileSync(viaNasm)), viaNasm))).to.deep.equal([]);
  });
});
