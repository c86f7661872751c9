// The shape of the IR the front end produces: what the back end relies on
// (conventions, data layout, intrinsics) and what the language promises
// (dead branches removed, bounds checks elided only when proven, loads and
// stores performed as written).

import { expect } from "chai";
import * as path from "node:path";
import { DiagnosticError } from "../../../common/diagnostics.js";
import { lowerProgramWith } from "../../../compiler/frontend/index.js";
import type { Instr, IrFunction, IrModule } from "../../../compiler/ir.js";
import { repoRoot } from "../../tools.js";

const dir = path.join(repoRoot, "test", "compiler", "frontend", "virtual");

function lower(source: string, options: { target?: "kernel" | "linux"; defines?: Record<string, string>; files?: Record<string, string> } = {}): IrModule {
  const entry = path.join(dir, "entry.ts");
  const files = new Map<string, string>([[entry, source]]);
  for (const [name, text] of Object.entries(options.files ?? {})) files.set(path.join(dir, name), text);
  return lowerProgramWith(entry, { target: options.target ?? "kernel", defines: new Map(Object.entries(options.defines ?? {})) }, files);
}

function fn(m: IrModule, name: string): IrFunction {
  const f = m.functions.find((x) => x.name === name);
  if (!f) throw new Error(`no function ${name} in ${m.functions.map((x) => x.name).join(", ")}`);
  return f;
}

function instrs(f: IrFunction): Instr[] {
  return f.blocks.flatMap((b) => b.instrs);
}

function calls(f: IrFunction): string[] {
  return instrs(f).flatMap((i) => (i.op === "call" && i.callee.kind === "symbol" ? [i.callee.name] : []));
}

describe("front end: lowering", () => {
  it("rejects an entry that is not a .ts source with a diagnostic", () => {
    const entry = path.join(dir, "types.d.ts");
    expect(() => lowerProgramWith(entry, { target: "linux", defines: new Map() }, new Map([[entry, "declare const x: u32;\n"]]))).to.throw(DiagnosticError, /is not a TypeScript source file/);
    expect(() => lowerProgramWith(path.join(dir, "missing.ts"), { target: "linux", defines: new Map() }, new Map())).to.throw(DiagnosticError, /cannot read/);
  });

  describe("conditional compilation", () => {
    const source = `declare const DEBUG: bool;
export function f(): i32 {
  if (DEBUG) {
    return g("debug build");
  }
  return 0;
}
function g(s: string): i32 { return s.length; }
`;
    it("removes the branch of an undefined switch, and the strings only it used", () => {
      const m = lower(source);
      expect(calls(fn(m, "f"))).to.deep.equal([]);
      expect(m.data.some((d) => new TextDecoder().decode(d.bytes).includes("debug build"))).to.equal(false);
    });
    it("compiles it when --define turns the switch on", () => {
      const m = lower(source, { defines: { DEBUG: "1" } });
      expect(calls(fn(m, "f"))).to.deep.equal(["g"]);
    });
  });

  describe("bounds checks", () => {
    const withLoop = (loop: string): string => `const a = new StaticArray<u32>(64);
export function f(n: i32): u32 {
  let s: u32 = 0;
  ${loop}
  return s;
}
`;
    it("are elided in a counted loop bounded by the array's length", () => {
      const m = lower(withLoop("for (let i = 0; i < a.length; i++) s += a[i];"));
      expect(calls(fn(m, "f"))).to.deep.equal([]);
    });
    it("are elided for a constant bound within the length, and for constant indexes", () => {
      const m = lower(withLoop("for (let i = 0; i <= 63; i += 2) s += a[i] + a[63];"));
      expect(calls(fn(m, "f"))).to.deep.equal([]);
    });
    it("are elided when the index's proven range fits: loop variables combined, narrow index types", () => {
      const m = lower(`const tables = new StaticArray<u32>(4 * 1024);
const bytes = new StaticArray<u8>(256);
export function f(b: u8): u32 {
  let s: u32 = 0;
  for (let t = 0; t < 4; t++) {
    for (let e = 0; e < 1024; e++) s += tables[t * 1024 + e];
  }
  return s + bytes[b] + bytes[(b >> 1) + 100];
}
`);
      expect(calls(fn(m, "f"))).to.deep.equal([]);
    });
    it("stay when the combined range may leave the array", () => {
      const m = lower(`const tables = new StaticArray<u32>(4 * 1024);
const bytes = new StaticArray<u8>(255);
export function f(b: u8): u32 {
  let s: u32 = 0;
  for (let t = 0; t < 4; t++) {
    for (let e = 0; e <= 1024; e++) s += tables[t * 1024 + e];
  }
  return s + bytes[b];
}
`);
      expect(calls(fn(m, "f"))).to.deep.equal(["__ts386_bounds_fail", "__ts386_bounds_fail"]);
    });
    it("stay when the bound is not the array's length", () => {
      expect(calls(fn(lower(withLoop("for (let i = 0; i < n; i++) s += a[i];")), "f"))).to.deep.equal(["__ts386_bounds_fail"]);
      expect(calls(fn(lower(withLoop("for (let i = 0; i <= a.length; i++) s += a[i];")), "f"))).to.deep.equal(["__ts386_bounds_fail"]);
    });
    it("stay when the body assigns the loop variable", () => {
      expect(calls(fn(lower(withLoop("for (let i = 0; i < a.length; i++) { s += a[i]; i += n; }")), "f"))).to.deep.equal(["__ts386_bounds_fail"]);
    });
    it("stay when a narrow signed loop variable could wrap", () => {
      const m = lower(`const a = new StaticArray<u8>(200);
export function f(): u32 {
  let s: u32 = 0;
  for (let i: i8 = 0; i < 127; i += 2) s += a[i];
  return s;
}
`);
      expect(calls(fn(m, "f"))).to.deep.equal(["__ts386_bounds_fail"]);
    });
    it("are elided for charCodeAt of a literal in a counted loop over its length", () => {
      const m = lower(`const DIGITS = "0123456789";
export function f(): i32 {
  let s: i32 = 0;
  for (let i = 0; i < DIGITS.length; i++) s += DIGITS.charCodeAt(i);
  return s;
}
`);
      expect(calls(fn(m, "f"))).to.deep.equal([]);
    });
    it("are elided for charCodeAt of a string variable in a counted loop over its length", () => {
      const loop = (body: string): string[] =>
        calls(fn(lower(`export function f(s: string, t: string): u32 {\n  let h: u32 = 0;\n  ${body}\n  return h;\n}\n`), "f"));
      expect(loop("for (let i = 0; i < s.length; i++) h += s.charCodeAt(i);")).to.deep.equal([]);
      expect(loop("for (let i = 0; i < s.length; i++) h += t.charCodeAt(i);")).to.deep.equal(["__ts386_bounds_fail"]);
      expect(loop("for (let i = 0; i < s.length; i++) { h += s.charCodeAt(i); s = t; }")).to.deep.equal(["__ts386_bounds_fail"]);
      expect(loop("for (let i = 0; i <= s.length; i++) h += s.charCodeAt(i);")).to.deep.equal(["__ts386_bounds_fail"]);
      expect(loop("for (let i = 0; i < s.length; i += 2) h += s.charCodeAt(i);")).to.deep.equal(["__ts386_bounds_fail"]);
    });
    it("are skipped by unchecked()", () => {
      expect(calls(fn(lower(withLoop("s = unchecked(a[n]);")), "f"))).to.deep.equal([]);
    });
    it("call the runtime hook with the message 'index out of bounds at FILE:LINE' and its length", () => {
      const m = lower(withLoop("s = a[n];"));
      const call = instrs(fn(m, "f")).find((i) => i.op === "call")!;
      if (call.op !== "call") throw new Error("no call");
      expect(call.conv).to.equal("cdecl");
      const msg = call.args[0]!;
      if (msg.kind !== "symbol") throw new Error("message is not a symbol");
      const data = m.data.find((d) => d.name === msg.name)!;
      const text = `index out of bounds at ${path.relative(process.cwd(), path.join(dir, "entry.ts"))}:4`;
      expect(Buffer.from(data.bytes.slice(msg.offset, msg.offset + text.length)).toString("latin1")).to.equal(text);
      expect(data.bytes[msg.offset + text.length]).to.equal(0);
      expect(call.args[1]).to.deep.equal({ kind: "const", value: text.length });
      expect(m.externs).to.include("__ts386_bounds_fail");
    });
    it("use the program's own __ts386_bounds_fail when it exports one (kernel target)", () => {
      const m = lower(withLoop("s = a[n];") + "export function __ts386_bounds_fail(msg: usize, len: usize): void {}\n");
      expect(m.externs).to.not.include("__ts386_bounds_fail");
    });
  });

  describe("switch", () => {
    const sw = (cases: number[]): string =>
      `export function f(x: i32): i32 {\n  switch (x) {\n${cases.map((c) => `    case ${c}: return ${c * 3};`).join("\n")}\n  }\n  return -1;\n}\n`;
    it("uses an IR jump table for dense cases", () => {
      const t = fn(lower(sw([1, 2, 3, 4, 6])), "f").blocks.map((b) => b.term).find((x) => x.op === "switch");
      expect(t).to.include({ op: "switch", low: 1 });
      if (t?.op !== "switch") throw new Error("no switch");
      expect(t.targets.length).to.equal(6);
    });
    it("uses compare chains for sparse cases", () => {
      expect(fn(lower(sw([1, 1000, 100000])), "f").blocks.some((b) => b.term.op === "switch")).to.equal(false);
    });
  });

  describe("calling conventions and names", () => {
    const m = lower(`export function api(a: i32): i32 { return helper(a) + viaPointer(); }
function helper(a: i32): i32 { return a; }
function target(): i32 { return 1; }
let p: () => i32 = target;
function viaPointer(): i32 { return p(); }
declare function asm_routine(x: u32): u32;
export function useExtern(): u32 { return asm_routine(3); }
`);
    it("exported functions are global cdecl symbols with their TS names", () => {
      expect(fn(m, "api")).to.include({ exported: true, conv: "cdecl" });
    });
    it("other functions are local with the internal convention, unless their address is taken", () => {
      expect(fn(m, "helper")).to.include({ exported: false, conv: "internal" });
      expect(fn(m, "target")).to.include({ exported: false, conv: "cdecl" });
    });
    it("indirect and extern calls are cdecl; externs are listed", () => {
      const indirect = instrs(fn(m, "viaPointer")).find((i) => i.op === "call");
      expect(indirect).to.include({ conv: "cdecl" });
      expect(indirect && indirect.op === "call" && indirect.callee.kind).to.equal("temp");
      expect(instrs(fn(m, "useExtern")).find((i) => i.op === "call")).to.include({ conv: "cdecl" });
      expect(m.externs).to.deep.equal(["asm_routine"]);
    });
    it("a function pointer global is .data with a relocation to the function", () => {
      const p = m.data.find((d) => d.name === "p")!;
      expect(p).to.include({ section: "data", size: 4, align: 4 });
      expect(p.relocations).to.deep.equal([{ offset: 0, symbol: "target", addend: 0 }]);
    });
    it("same-named private functions of two modules get distinct symbols", () => {
      const two = lower(`import { other } from "./other";\nfunction helper(): i32 { return 1; }\nexport function f(): i32 { return helper() + other(); }\n`, {
        files: { "other.ts": "function helper(): i32 { return 2; }\nexport function other(): i32 { return helper(); }\n" },
      });
      const names = two.functions.map((f) => f.name).sort();
      expect(names).to.deep.equal(["f", "helper", "helper_2", "other"]);
    });
  });

  describe("static data", () => {
    const m = lower(`let a: u32 = 0x01020304;
let b: i16 = -2;
let z: u8 = 0;
const page = new StaticArray<u32>(1024, 4096);
@unmanaged class S { x: u8; y: u32; }
const s = new S();
export const EXPORTED: u32 = 7;
export function f(): usize { return addressOf("hi") + addressOf(page) + addressOf(s) + usize(a) + usize(b) + z + EXPORTED; }
`);
    const d = (name: string) => m.data.find((x) => x.name === name)!;
    it("initialised globals are little-endian .data of their width; zero ones are .bss", () => {
      expect(d("a")).to.include({ section: "data", size: 4, align: 4 });
      expect([...d("a").bytes]).to.deep.equal([4, 3, 2, 1]);
      expect([...d("b").bytes]).to.deep.equal([0xfe, 0xff]);
      expect(d("z")).to.include({ section: "bss", size: 1 });
    });
    it("static arrays and instances are .bss with their size and alignment", () => {
      expect(d("page")).to.include({ section: "bss", size: 4096, align: 4096 });
      expect(d("s")).to.include({ section: "bss", size: 8, align: 4 });
    });
    it("exported constants are global .rodata (assembly can read them) and still fold", () => {
      expect(d("EXPORTED")).to.include({ section: "rodata", exported: true });
    });
    it("string literals are .rodata: i32 length, bytes, NUL; the value points at the bytes", () => {
      const str = m.data.find((x) => x.section === "rodata" && x.name.startsWith("__ts386_str"))!;
      expect([...str.bytes]).to.deep.equal([2, 0, 0, 0, 104, 105, 0]);
      const sym = instrs(fn(m, "f")).flatMap((i) => (i.op === "binary" ? [i.left, i.right] : [])).find((v) => v.kind === "symbol" && v.name === str.name);
      expect(sym).to.deep.equal({ kind: "symbol", name: str.name, offset: 4 });
    });
  });

  describe("integer operations", () => {
    const ops = (body: string, params = "a: i32, b: i32, u: u32, v: u32"): Instr[] => instrs(fn(lower(`export function f(${params}): i32 {\n  ${body}\n}\n`), "f"));
    const kinds = (list: Instr[]): string[] => list.flatMap((i) => (i.op === "binary" ? [i.kind] : i.op === "compare" ? [i.cond] : i.op === "extend" ? [`ext${i.width}${i.signed ? "s" : "u"}`] : []));
    it(">> is sar on signed, shr on unsigned; >>> is always shr", () => {
      expect(kinds(ops("return a >> b;"))).to.deep.equal(["sar"]);
      expect(kinds(ops("return i32(u >> v);"))).to.deep.equal(["shr"]);
      expect(kinds(ops("return a >>> b;"))).to.deep.equal(["shr"]);
    });
    it("/ and % are signed or unsigned by the operation's type (a mix is unsigned)", () => {
      expect(kinds(ops("return a / b + a % b;"))).to.deep.equal(["divs", "rems", "add"]);
      expect(kinds(ops("return i32(a / u);"))).to.deep.equal(["divu"]);
    });
    it("comparisons of a signed/unsigned mix are unsigned", () => {
      expect(kinds(ops("const c = a < u; return i32(c);"))).to.deep.equal(["ult"]);
      expect(kinds(ops("const c = a < b; return i32(c);"))).to.deep.equal(["lt"]);
    });
    it("casts to narrow types extend; narrow locals keep their range", () => {
      expect(kinds(ops("return u8(a) + i16(b);"))).to.deep.equal(["ext1u", "ext2s", "add"]);
      expect(kinds(ops("let c: u8 = 250; c += u8(a); return c;"))).to.deep.equal(["ext1u", "add", "ext1u"]);
    });
    it("constants fold", () => {
      expect(kinds(ops("const K = 6 * 7; return K + (1 << 4) - 0x10;"))).to.deep.equal([]);
    });
    it("every instruction carries its TS position", () => {
      for (const i of ops("let x = a * b; x += 1; return x;")) expect(i.pos?.line).to.be.greaterThan(0);
    });
  });

  describe("memory and intrinsics", () => {
    it("every load and store is emitted as written, none merged", () => {
      const list = instrs(fn(lower("export function f(p: usize): u32 {\n  store<u32>(p, load<u32>(p));\n  return load<u32>(p) + load<u32>(p);\n}\n"), "f"));
      expect(list.filter((i) => i.op === "load").length).to.equal(3);
      expect(list.filter((i) => i.op === "store").length).to.equal(1);
    });
    it("loads and stores take the width and signedness of their type", () => {
      const list = instrs(fn(lower("export function f(p: usize): i32 {\n  store<u16>(p, 1);\n  return load<i8>(p);\n}\n"), "f"));
      expect(list.find((i) => i.op === "store")).to.include({ width: 2 });
      expect(list.find((i) => i.op === "load")).to.include({ width: 1, signed: true });
    });
    it("intrinsics map one to one onto IR intrinsics", () => {
      const list = instrs(fn(lower("export function f(): u8 {\n  outb(0x3F8, 65);\n  interrupt(0x80);\n  invlpg(0x1000);\n  writeCr3(readCr3());\n  return inb(0x60);\n}\n"), "f"));
      const names = list.flatMap((i) => (i.op === "intrinsic" ? [i.name] : []));
      expect(names).to.deep.equal(["outb", "int", "invlpg", "readCr3", "writeCr3", "inb"]);
      expect(list.find((i) => i.op === "intrinsic" && i.name === "int")).to.deep.include({ args: [{ kind: "const", value: 128 }] });
    });
    it("sys_write and sys_exit are cdecl calls to the runtime (--target linux)", () => {
      const m = lower("export function main(): i32 {\n  sys_write(1, addressOf(\"x\"), 1);\n  sys_exit(3);\n}\n", { target: "linux" });
      expect(calls(fn(m, "main"))).to.deep.equal(["sys_write", "sys_exit"]);
      expect(m.externs).to.deep.equal(["sys_exit", "sys_write"]);
      expect(fn(m, "main").blocks.some((b) => b.term.op === "unreachable")).to.equal(true);
    });
  });
});
