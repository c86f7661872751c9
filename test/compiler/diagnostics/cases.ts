// Bad programs and the one diagnostic each must produce: its code, its exact
// message and its place, marked in the source by `@@` (removed before compiling).

import { messages } from "../../../compiler/frontend/reject.js";

export interface DiagnosticCase {
  name: string;
  source: string;
  code: string;
  message: string | RegExp;
  target?: "kernel" | "linux";
  defines?: Record<string, string>;
}

const U = "TS3861001"; // unsupported construct
const T = "TS3861002"; // integer typing
const C = "TS3861003"; // constants
const D = "TS3861004"; // declarations
const B = "TS3861005"; // bounds
const F = "TS3861006"; // --define
const E = "TS3861007"; // entry

/** Wraps statements in a function so that they are in a function body. */
const inFn = (body: string): string => `export function f(x: i32): i32 {\n${body}\n  return 0;\n}\n`;

export const rejectedConstructs: DiagnosticCase[] = [
  { name: "arrow function", source: "const g = @@(x: i32): i32 => x + 1;\n", code: U, message: messages.closure },
  { name: "function expression", source: "const g = @@function (x: i32): i32 { return x; };\n", code: U, message: messages.closure },
  { name: "nested function", source: inFn("  @@function inner(): i32 { return 1; }"), code: U, message: messages.nestedFunction },
  { name: "throw", source: inFn("  if (x < 0) @@throw 1;"), code: U, message: messages.exceptions },
  { name: "try", source: inFn("  @@try { x++; } finally { x--; }"), code: U, message: messages.exceptions },
  { name: "async function", source: "@@async function g(): Promise<void> {}\n", code: U, message: messages.async },
  { name: "generator", source: "@@function* g(): Generator<i32> {}\n", code: U, message: messages.generator },
  { name: "for...of", source: inFn("  @@for (const c of \"abc\") x++;"), code: U, message: messages.forInOf },
  { name: "for...in", source: "@unmanaged class S { a: i32; }\nconst s = new S();\n" + inFn("  @@for (const k in s) x++;"), code: U, message: messages.forInOf },
  { name: "object literal", source: inFn("  const o = @@{ a: 1 };"), code: U, message: messages.objectLiteral },
  { name: "array literal", source: inFn("  const a = @@[1, 2, 3];"), code: U, message: messages.arrayLiteral },
  { name: "template literal", source: inFn("  const s: string = @@`x`;"), code: U, message: messages.template },
  { name: "template with substitution", source: inFn("  const s: string = @@`x${x}`;"), code: U, message: messages.template },
  { name: "float literal", source: inFn("  const y = @@1.5;"), code: U, message: messages.float },
  { name: "exponent float literal", source: inFn("  const y = @@2.5e3;"), code: U, message: messages.float },
  { name: "optional chaining", source: "@unmanaged class S { a: i32; }\nlet s: S | null = null;\n" + inFn("  const y = @@s?.a;"), code: U, message: messages.optionalChain },
  { name: "delete", source: "@unmanaged class S { a?: i32; }\nconst s = new S();\n" + inFn("  @@delete s.a;"), code: U, message: messages.delete },
  { name: "typeof", source: inFn("  const t = @@typeof x;"), code: U, message: messages.typeofRuntime },
  { name: "instanceof", source: "@unmanaged class S { a: i32; }\nconst s = new S();\n" + inFn("  if (@@s instanceof S) x++;"), code: U, message: messages.instanceof },
  { name: "in operator", source: "@unmanaged class S { a: i32; }\nconst s = new S();\n" + inFn("  if (@@\"a\" in s) x++;"), code: U, message: messages.inOperator },
  { name: "class inheritance", source: "@unmanaged class A { a: i32; }\n@unmanaged class B @@extends A { b: i32; }\n", code: U, message: messages.inheritance },
  { name: "class without @unmanaged", source: "class @@S { a: i32; }\n", code: U, message: messages.notUnmanaged },
  { name: "heap new in a function", source: "@unmanaged class S { a: i32; }\n" + inFn("  const s = @@new S();"), code: U, message: messages.heapNew },
  { name: "constructor", source: "@unmanaged class S {\n  a: i32;\n  @@constructor() { this.a = 1; }\n}\n", code: U, message: messages.constructor },
  { name: "field initialiser", source: "@unmanaged class S {\n  a: i32 = @@5;\n}\n", code: U, message: messages.fieldInitializer },
  { name: "getter", source: "@unmanaged class S {\n  a: i32;\n  @@get b(): i32 { return this.a; }\n}\n", code: U, message: messages.accessor },
  { name: "static field", source: "@unmanaged class S {\n  @@static count: i32;\n}\n", code: U, message: messages.staticField },
  { name: "var", source: inFn("  @@var y = 1;"), code: U, message: messages.var },
  { name: "destructuring", source: "@unmanaged class S { a: i32; }\nconst s = new S();\n" + inFn("  const @@{ a } = s;"), code: U, message: messages.destructuring },
  { name: "top-level statement", source: "let n: i32 = 0;\n@@n = 5;\n", code: U, message: messages.topLevelStatement },
  { name: "as", source: inFn("  const y = @@x as i32;"), code: U, message: messages.asExpression },
  { name: "satisfies", source: inFn("  const y = @@x satisfies i32;"), code: U, message: messages.satisfies },
  { name: "void operator", source: inFn("  @@void x;"), code: U, message: messages.voidOperator },
  { name: "** operator", source: inFn("  const y = x @@** 2;"), code: U, message: messages.exponent },
  { name: "namespace", source: "@@namespace N { export const a = 1; }\n", code: U, message: messages.namespace },
  { name: "import = require", source: "@@import fs = require(\"fs\");\n", code: U, message: messages.importRequire },
  { name: "export default", source: "@@export default function g(): void {}\n", code: U, message: messages.exportDefault },
  { name: "undefined", source: "let u: i32 | undefined = @@undefined;\n", code: U, message: messages.undefinedValue },
  { name: "regular expression", source: inFn("  const r = @@/ab+/;"), code: U, message: messages.regex },
  { name: "label on a block", source: inFn("  @@block: { x++; }"), code: U, message: messages.label },
  { name: "optional parameter", source: "function g(@@a?: i32): i32 { return 0; }\n", code: U, message: messages.optionalParam },
  { name: "default parameter", source: "function g(@@a: i32 = 3): i32 { return a; }\n", code: U, message: messages.optionalParam },
  { name: "rest parameter", source: "function g(@@...a: i32[]): i32 { return 0; }\n", code: U, message: messages.restParam },
  { name: "overload", source: "@@function g(a: i32): i32;\nfunction g(a: i32): i32 { return a; }\n", code: U, message: messages.overload },
  { name: "unknown decorator", source: "declare function sealed(c: unknown): void;\n@unmanaged\n@@@sealed\nclass S { a: i32; }\n", code: U, message: messages.decorator },
  { name: "debugger", source: inFn("  @@debugger;"), code: U, message: messages.debugger },
  { name: "private name", source: "@unmanaged class S {\n  @@#a: i32;\n}\n", code: U, message: messages.privateName },
  { name: "abstract class", source: "@unmanaged\n@@abstract class S { a: i32; }\n", code: U, message: messages.abstract },
  { name: "static block", source: "@unmanaged class S {\n  a: i32;\n  @@static { }\n}\n", code: U, message: messages.staticBlock },
  { name: "spread", source: "function g(a: i32, b: i32): i32 { return a + b; }\ndeclare const xs: [i32, i32];\n" + inFn("  const y = g(@@...xs);"), code: U, message: messages.spread },
  { name: "bigint literal", source: inFn("  const y = @@10n;"), code: U, message: messages.bigint },
  { name: "with", source: "@unmanaged class S { a: i32; }\nconst s = new S();\n" + inFn("  @@with (s) { x++; }"), code: U, message: messages.with },
  { name: "super", source: "@unmanaged class S {\n  m(): i32 { return @@super.m(); }\n}\n", code: U, message: messages.super },
  { name: "computed member name", source: "@unmanaged class S {\n  @@[\"a\" + \"b\"]: i32;\n}\n", code: U, message: messages.memberName },
  { name: "class expression in a function", source: inFn("  const K = @@class { };"), code: U, message: messages.classExpression },
];

export const loweringErrors: DiagnosticCase[] = [
  { name: "number type", source: "let n: @@number = 0;\n", code: T, message: "`number` does not say which machine integer: use i32, u32, i16, u16, i8, u8, or usize/isize for addresses" },
  { name: "any type", source: "function g(a: @@any): void {}\n", code: T, message: /^`any` is not supported: every value needs a concrete type/ },
  { name: "missing return type", source: "function @@g(a: i32) { return a; }\n", code: D, message: "'g' needs a return type annotation, e.g. `): void` or `): i32`" },
  { name: "narrowing without a cast", source: "function g(a: i32): u8 {\n  return @@a + 1;\n}\n", code: T, message: "narrowing i32 to u8 needs an explicit cast: write u8(a + 1)" },
  { name: "narrowing u32 to u16", source: "function g(a: u32): void {\n  let b: u16 = @@a;\n}\n", code: T, message: "narrowing u32 to u16 needs an explicit cast: write u16(a)" },
  { name: "literal too big for its type", source: "let b: u8 = @@256;\n", code: C, message: "256 does not fit u8 (range 0..255); write u8(256) to wrap it" },
  { name: "negative literal for unsigned", source: "function g(): void {\n  let b: u32 = @@-1;\n}\n", code: C, message: "-1 does not fit u32 (range 0..4294967295); write u32(-1) to wrap it" },
  { name: "literal beyond 32 bits", source: "const big = @@0x100000000;\nlet b = big;\n", code: C, message: "4294967296 does not fit in 32 bits" },
  { name: "constant division by zero", source: "const Z = @@10 / 0;\n", code: C, message: "division by zero" },
  { name: "untyped shift past 63 (no 32-bit value, and too big to build)", source: "const S = @@1 << 4294967295;\n", code: C, message: "1 << 4294967295 does not fit 32 bits; give the left operand a type (counts then wrap mod 32)" },
  { name: "constant INT_MIN / -1", source: "const M: i32 = -2147483648;\nconst Q = @@M / -1;\n", code: C, message: "-2147483648 / -1 overflows i32 (the CPU traps)" },
  { name: "non-constant module initialiser", source: "function g(): i32 { return 1; }\nlet n: i32 = @@g();\n", code: C, message: /^module-level initialisers must be constant/ },
  { name: "constant index out of bounds", source: "const a = new StaticArray<u8>(4);\n" + inFn("  a[@@4] = 1;"), code: B, message: "index 4 is out of bounds of an array of length 4" },
  { name: "constant charCodeAt out of bounds", source: inFn("  const c = \"ab\".charCodeAt(@@2);"), code: B, message: "index 2 is out of bounds of a string of length 2" },
  { name: "run-time string concatenation", source: "function g(s: string): string {\n  return @@s + \"!\";\n}\n", code: U, message: "'+' on strings is not supported (no run-time string building): print the parts one after another" },
  { name: "string comparison", source: "function g(s: string): bool {\n  return @@s == \"a\";\n}\n", code: U, message: "strings cannot be compared with == or <: compare their lengths and bytes (charCodeAt)" },
  { name: "StaticArray parameter", source: "function g(a: @@StaticArray<u8>): void {}\n", code: T, message: /^parameter 'a': StaticArray values cannot be passed around/ },
  { name: "let StaticArray", source: "let @@a = new StaticArray<u8>(4);\n", code: D, message: "declare static objects with const: `const a = new StaticArray<u8>(4)`" },
  { name: "non-constant array length", source: "let n: i32 = 4;\nconst a = new StaticArray<u8>(@@n);\n", code: C, message: /^module-level initialisers must be constant/ },
  { name: "alignment not a power of two", source: "const a = new StaticArray<u8>(4, @@3);\n", code: C, message: "alignment 3 is not a power of two" },
  { name: "method as a value", source: "@unmanaged class S {\n  m(): i32 { return 1; }\n}\nconst s = new S();\nfunction g(): void {\n  const f = @@s.m;\n}\n", code: U, message: "methods cannot be used as values: write a module-level function that takes the instance" },
  { name: "character above 0xFF", source: "function g(): i32 {\n  return @@\"\\u20ac\".length;\n}\n", code: U, message: "string literals are bytes: character U+20AC does not fit in one; use \\xNN escapes" },
  { name: "non-constant case", source: inFn("  let k: i32 = 1;\n  switch (x) {\n    case @@k: break;\n  }"), code: C, message: "case labels must be constants (literals, constants, enum members)" },
  { name: "duplicate case", source: inFn("  switch (x) {\n    case 1: break;\n    case @@1: break;\n  }"), code: C, message: "duplicate case 1" },
  { name: "store without a type", source: "function g(a: usize): void {\n  @@store(a, 1);\n}\n", code: T, message: "write the type: store<u32>(...)" },
  { name: "union type", source: "function g(a: @@i32 | u8): void {}\n", code: T, message: "union types are not supported (except `T | null` for class, function and string references)" },
  { name: "interface type", source: "interface P { a: i32; }\nfunction g(p: @@P): void {}\n", code: T, message: "type 'P' is not supported: use an integer type, bool, string, an @unmanaged class or a function type" },
  { name: "non-constant interrupt vector", source: "function g(n: u8): void {\n  interrupt(@@n);\n}\n", code: C, message: "interrupt(n) needs a constant vector number 0..255", target: "kernel" },
  { name: "interrupt vector out of range", source: "function g(): void {\n  interrupt(@@256);\n}\n", code: C, message: "256 does not fit u8 (range 0..255); write u8(256) to wrap it", target: "kernel" },
  { name: "?? operator", source: "@unmanaged class S { a: i32; }\nlet s: S | null = null;\nconst t = new S();\nfunction g(): void {\n  const u = s @@?? t;\n}\n", code: U, message: "'??' is not supported: write the test with if" },
  { name: "missing define", source: "declare const @@LEVEL: u32;\nlet x: u32 = LEVEL;\n", code: F, message: "'LEVEL' is not defined: pass --define LEVEL=VALUE" },
  { name: "bad bool define", source: "declare const @@DEBUG: bool;\nlet d: bool = DEBUG;\n", code: F, message: "--define DEBUG=maybe: a bool takes true, false, 1 or 0", defines: { DEBUG: "maybe" } },
  { name: "define that does not fit", source: "declare const @@N: u8;\nlet n: u8 = N;\n", code: F, message: "--define N=300 does not fit u8", defines: { N: "300" } },
  { name: "linux entry missing", source: "@@export function start(): i32 { return 0; }\n", code: E, message: "--target linux needs `export function main(): i32` in the entry file", target: "linux" },
  { name: "linux entry with the wrong type", source: "export function @@main(): u8 { return 0; }\n", code: E, message: "the program entry must be `export function main(): i32`", target: "linux" },
];

/** Cases with a TypeScript error: tsc's own message comes first, in tsc's format. */
export const typeScriptErrors: DiagnosticCase[] = [
  { name: "missing parameter type (TypeScript's noImplicitAny)", source: "function g(@@a): i32 { return 0; }\n", code: "TS7006", message: "Parameter 'a' implicitly has an 'any' type." },
  { name: "Math is not declared (no lib)", source: "const r = @@Math.max(1, 2);\n", code: "TS2304", message: "Cannot find name 'Math'." },
  { name: "unknown string method", source: "function g(s: string): i32 {\n  return s.@@indexOf(\"a\");\n}\n", code: "TS2339", message: "Property 'indexOf' does not exist on type 'string'." },
];
