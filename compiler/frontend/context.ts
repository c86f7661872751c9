// The program-wide state of lowering: what each TypeScript symbol means to ts386
// (a local, a folded constant, static storage, a function, a builtin…), the
// types read from annotations, class layouts, and the module's data objects.
// Symbols are resolved lazily and memoised, so module-level declarations may
// refer to each other in any order (cycles are reported).

import * as path from "node:path";
import ts from "typescript";
import type { CallConv, IrData, Temp, Value } from "../ir.js";
import { Code, failAt } from "./errors.js";
import type { LoadedProgram, Target } from "./program.js";
import { isPackedClass, isUnmanagedClass } from "./reject.js";
import { layoutFields } from "./layout.js";
import type { ClassInfo, Signature, Type } from "./types.js";
import { BOOL, I32, NEVER, STRING, UNTYPED, VOID, intType, isIntName, storageOf, typeName } from "./types.js";
import { fits, toIrConst } from "./integers.js";

/** The result of lowering an expression: its type, where its value is, and the value itself when known at compile time. */
export interface Operand {
  type: Type;
  value: Value;
  /** Known integer value (constants fold); for bool 0 or 1. */
  known?: bigint;
  /** This is the `null` literal (converts to any reference type). */
  isNull?: boolean;
  /** The value is a local variable's own temp (a later assignment in the same expression could change it). */
  local?: boolean;
  /** The text of a string literal (its length and bytes fold). */
  literal?: string;
  /** Proven bounds of a run-time integer value (x & 0xFF, x % 10 unsigned, c ? 1 : 0): it narrows implicitly when they fit. */
  range?: [bigint, bigint];
}

export interface FunctionInfo {
  /** Assembly symbol. */
  name: string;
  decl: ts.FunctionDeclaration | ts.MethodDeclaration;
  sig: Signature;
  /** For instance methods: the class of `this` (passed as the first argument). */
  thisClass?: ClassInfo;
  exported: boolean;
  conv: CallConv;
}

export type Binding =
  | { kind: "local"; temp: Temp; type: Type; mutable: boolean; name: string; range?: [bigint, bigint] }
  | { kind: "constant"; operand: Operand }
  | { kind: "global"; symbol: string; type: Type }
  | { kind: "array"; symbol: string; elem: Type; length: number }
  | { kind: "function"; fn: FunctionInfo }
  | { kind: "extern"; name: string; sig: Signature }
  | { kind: "builtin"; name: string }
  | { kind: "class"; cls: ClassInfo }
  | { kind: "enum" };

/** Evaluates a module-level initialiser (set by the expression stage, which depends on this one). */
export type ConstantEvaluator = (ctx: ProgramContext, expr: ts.Expression, expected: Type | undefined) => Operand;

export class ProgramContext {
  readonly checker: ts.TypeChecker;
  readonly data: IrData[] = [];
  readonly functions: FunctionInfo[] = [];
  readonly externs = new Set<string>();
  private readonly names = new Set<string>();
  private readonly bindings = new Map<ts.Symbol, Binding>();
  private readonly resolving = new Set<ts.Symbol>();
  private readonly classes = new Map<ts.ClassDeclaration, ClassInfo>();
  private readonly strings = new Map<string, string>();
  private readonly messages = new Map<string, { symbol: string; length: number }>();
  /** Functions used as values (not only called): they get the cdecl convention so indirect calls work. */
  private readonly addressTaken = new Set<ts.Node>();

  constructor(
    readonly loaded: LoadedProgram,
    readonly target: Target,
    readonly defines: ReadonlyMap<string, string>,
    readonly evaluateConstant: ConstantEvaluator,
  ) {
    this.checker = loaded.checker;
    this.reserveGlobalNames();
    this.findAddressTakenFunctions();
  }

  // ---- names ----

  /** Exported functions and data, and externs, keep their TS names; everything else is made unique around them. */
  private reserveGlobalNames(): void {
    for (const file of this.loaded.sources) {
      for (const stmt of file.statements) {
        if (ts.isFunctionDeclaration(stmt) && stmt.name && (isExported(stmt) || !stmt.body)) this.reserve(stmt.name.text, stmt.name, !stmt.body);
        if (ts.isVariableStatement(stmt) && isExported(stmt) && !hasDeclare(stmt)) {
          for (const d of stmt.declarationList.declarations) if (ts.isIdentifier(d.name)) this.reserve(d.name.text, d.name, false);
        }
      }
    }
  }

  /** Global names defined here (not externs): defining one twice is an error; declaring an extern twice is not. */
  private readonly definedGlobals = new Set<string>();

  private reserve(name: string, node: ts.Node, extern: boolean): void {
    if (!extern) {
      if (this.definedGlobals.has(name)) failAt(node, Code.declaration, `global symbol '${name}' is defined twice: exported functions and data of all modules share one namespace`);
      this.definedGlobals.add(name);
    }
    this.names.add(name);
  }

  uniqueName(base: string): string {
    let name = base;
    for (let i = 2; this.names.has(name); i++) name = `${base}_${i}`;
    this.names.add(name);
    return name;
  }

  // ---- symbols ----

  symbolAt(node: ts.Node): ts.Symbol | undefined {
    let sym = this.checker.getSymbolAtLocation(node);
    if (sym && sym.flags & ts.SymbolFlags.Alias) sym = this.checker.getAliasedSymbol(sym);
    return sym;
  }

  isRuntimeDeclaration(decl: ts.Node): boolean {
    return this.loaded.runtimeFiles.has(path.resolve(decl.getSourceFile().fileName));
  }

  /** What a module-level (or ambient) symbol means. Locals are looked up by the function context before this. */
  resolve(sym: ts.Symbol, at: ts.Node): Binding {
    const hit = this.bindings.get(sym);
    if (hit) return hit;
    if (this.resolving.has(sym)) failAt(at, Code.constant, `'${sym.name}' is defined in terms of itself`);
    this.resolving.add(sym);
    try {
      const b = this.createBinding(sym, at);
      this.bindings.set(sym, b);
      return b;
    } finally {
      this.resolving.delete(sym);
    }
  }

  private createBinding(sym: ts.Symbol, at: ts.Node): Binding {
    const decl = sym.valueDeclaration ?? sym.declarations?.[0];
    if (!decl) failAt(at, Code.declaration, `'${sym.name}' has no declaration`);
    if (this.isRuntimeDeclaration(decl)) return { kind: "builtin", name: sym.name };
    if (ts.isFunctionDeclaration(decl)) return decl.body ? { kind: "function", fn: this.functionInfo(decl) } : this.externBinding(decl);
    if (ts.isMethodDeclaration(decl)) return { kind: "function", fn: this.functionInfo(decl) };
    if (ts.isClassDeclaration(decl)) return { kind: "class", cls: this.classInfo(decl) };
    if (ts.isEnumDeclaration(decl)) return { kind: "enum" };
    if (ts.isEnumMember(decl)) return { kind: "constant", operand: this.enumMemberValue(decl) };
    if (ts.isVariableDeclaration(decl) && isModuleLevel(decl)) return this.moduleVariable(decl);
    failAt(at, Code.declaration, `'${sym.name}' cannot be used here: only module-level declarations and the current function's locals are visible (no closures)`);
  }

  // ---- functions ----

  private readonly functionInfos = new Map<ts.Node, FunctionInfo>();

  functionInfo(decl: ts.FunctionDeclaration | ts.MethodDeclaration): FunctionInfo {
    const hit = this.functionInfos.get(decl);
    if (hit) return hit;
    const cls = ts.isMethodDeclaration(decl) && !hasStatic(decl) ? this.classInfo(decl.parent as ts.ClassDeclaration) : undefined;
    const tsName = ts.isMethodDeclaration(decl) ? `${(decl.parent as ts.ClassDeclaration).name?.text ?? "anon"}_${decl.name.getText()}` : decl.name!.text;
    const exported = ts.isFunctionDeclaration(decl) && isExported(decl);
    const sig = this.signatureOf(decl, tsName);
    const name = exported ? tsName : this.uniqueName(tsName);
    const conv: CallConv = exported || this.addressTaken.has(decl) ? "cdecl" : "internal";
    const info: FunctionInfo = { name, decl, sig, thisClass: cls, exported, conv };
    this.functionInfos.set(decl, info);
    this.functions.push(info);
    return info;
  }

  private externBinding(decl: ts.FunctionDeclaration): Binding {
    const name = decl.name!.text;
    const sig = this.signatureOf(decl, name);
    this.externs.add(name);
    return { kind: "extern", name, sig };
  }

  signatureOf(decl: ts.SignatureDeclarationBase, what: string): Signature {
    const params = decl.parameters.map((p) => {
      const pname = p.name.getText();
      if (!p.type) failAt(p, Code.declaration, `parameter '${pname}' of '${what}' needs a type annotation, e.g. \`${pname}: u32\``);
      return this.valueType(p.type, `parameter '${pname}'`);
    });
    if (!decl.type) failAt(decl.name ?? decl, Code.declaration, `'${what}' needs a return type annotation, e.g. \`): void\` or \`): i32\``);
    const ret = this.typeFromNode(decl.type);
    if (ret.kind === "array") failAt(decl.type, Code.type, "functions cannot return a StaticArray: return its address (addressOf) as usize");
    return { params, ret };
  }

  /** A type that a local, parameter or field can have. */
  valueType(node: ts.TypeNode, what: string): Type {
    const t = this.typeFromNode(node);
    if (t.kind === "array")
      failAt(node, Code.type, `${what}: StaticArray values cannot be passed around; refer to the module-level array by name, or pass addressOf(array) as usize and use load/store`);
    if (t.kind === "void" || t.kind === "never") failAt(node, Code.type, `${what} cannot have type ${typeName(t)}`);
    return t;
  }

  private findAddressTakenFunctions(): void {
    const names = new Set<string>();
    for (const file of this.loaded.sources) {
      for (const stmt of file.statements) {
        if (ts.isFunctionDeclaration(stmt) && stmt.name) names.add(stmt.name.text);
        if (ts.isClassDeclaration(stmt)) for (const m of stmt.members) if (ts.isMethodDeclaration(m)) names.add(m.name.getText());
      }
    }
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node) && names.has(node.text)) {
        const p = node.parent;
        const called = (ts.isCallExpression(p) && p.expression === node) || (ts.isPropertyAccessExpression(p) && p.name === node && ts.isCallExpression(p.parent) && p.parent.expression === p);
        const declName = (ts.isFunctionDeclaration(p) || ts.isMethodDeclaration(p)) && p.name === node;
        const importName = ts.isImportSpecifier(p) || ts.isExportSpecifier(p);
        if (!called && !declName && !importName) {
          const sym = this.symbolAt(node);
          const decl = sym?.valueDeclaration;
          if (decl && (ts.isFunctionDeclaration(decl) || ts.isMethodDeclaration(decl))) this.addressTaken.add(decl);
        }
      }
      ts.forEachChild(node, visit);
    };
    for (const file of this.loaded.sources) visit(file);
  }

  // ---- types ----

  typeFromNode(node: ts.TypeNode): Type {
    switch (node.kind) {
      case ts.SyntaxKind.BooleanKeyword:
        return BOOL;
      case ts.SyntaxKind.VoidKeyword:
        return VOID;
      case ts.SyntaxKind.NeverKeyword:
        return NEVER;
      case ts.SyntaxKind.StringKeyword:
        return STRING;
      case ts.SyntaxKind.NumberKeyword:
        failAt(node, Code.type, "`number` does not say which machine integer: use i32, u32, i16, u16, i8, u8, or usize/isize for addresses");
      case ts.SyntaxKind.AnyKeyword:
      case ts.SyntaxKind.UnknownKeyword:
      case ts.SyntaxKind.ObjectKeyword:
        failAt(node, Code.type, `\`${node.getText()}\` is not supported: every value needs a concrete type (an integer type, bool, string, an @unmanaged class or a function type)`);
      case ts.SyntaxKind.ParenthesizedType:
        return this.typeFromNode((node as ts.ParenthesizedTypeNode).type);
      case ts.SyntaxKind.FunctionType: {
        const fn = node as ts.FunctionTypeNode;
        return { kind: "func", sig: this.signatureOf(fn, "function type") };
      }
      case ts.SyntaxKind.UnionType: {
        const parts = (node as ts.UnionTypeNode).types.filter((t) => !(ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword));
        if (parts.length === 1) {
          const t = this.typeFromNode(parts[0]!);
          if (t.kind === "class" || t.kind === "func" || t.kind === "string") return t; // references may be null (0)
        }
        failAt(node, Code.type, "union types are not supported (except `T | null` for class, function and string references)");
      }
      case ts.SyntaxKind.TypeReference: {
        const ref = node as ts.TypeReferenceNode;
        const sym = this.symbolAt(ref.typeName);
        const decl = sym?.declarations?.[0];
        if (!sym || !decl) failAt(node, Code.type, `unknown type '${ref.typeName.getText()}'`);
        if (this.isRuntimeDeclaration(decl)) {
          if (isIntName(sym.name)) return intType(sym.name);
          if (sym.name === "bool") return BOOL;
          if (sym.name === "StaticArray") {
            const arg = ref.typeArguments?.[0];
            if (!arg) failAt(node, Code.type, "StaticArray needs its element type: StaticArray<u32>");
            return { kind: "array", elem: this.elementType(arg) };
          }
        }
        if (ts.isTypeAliasDeclaration(decl)) return this.typeFromNode(decl.type);
        if (ts.isClassDeclaration(decl)) return { kind: "class", cls: this.classInfo(decl) };
        if (ts.isEnumDeclaration(decl)) return I32;
        failAt(node, Code.type, `type '${ref.typeName.getText()}' is not supported: use an integer type, bool, string, an @unmanaged class or a function type`);
      }
      default:
        failAt(node, Code.type, `type \`${node.getText()}\` is not supported: use an integer type, bool, string, an @unmanaged class or a function type`);
    }
  }

  /** Element types of StaticArray and field types: anything with a storage layout. */
  elementType(node: ts.TypeNode): Type {
    const t = this.typeFromNode(node);
    if (!storageOf(t)) failAt(node, Code.type, `${typeName(t)} cannot be stored in memory: use an integer type, bool, string, an @unmanaged class reference or a function type`);
    return t;
  }

  // ---- classes ----

  /** Every @unmanaged class met so far (their layouts go into the debug information). */
  get classInfos(): ClassInfo[] {
    return [...this.classes.values()];
  }

  classInfo(decl: ts.ClassDeclaration): ClassInfo {
    const hit = this.classes.get(decl);
    if (hit) return hit;
    const name = decl.name?.text ?? "anonymous";
    if (!isUnmanagedClass(decl)) failAt(decl.name ?? decl, Code.unsupported, `class '${name}' must be decorated with @unmanaged`);
    const info: ClassInfo = { name, fields: new Map(), size: 0, align: 1 };
    this.classes.set(decl, info); // before the fields: a field may refer to its own class
    const fields: { name: string; type: Type }[] = [];
    for (const m of decl.members) {
      if (!ts.isPropertyDeclaration(m)) continue;
      const fname = m.name.getText();
      if (!m.type) failAt(m, Code.declaration, `field '${fname}' needs a type annotation, e.g. \`${fname}: u32\``);
      fields.push({ name: fname, type: this.elementType(m.type) });
    }
    const layout = layoutFields(fields, isPackedClass(decl));
    info.fields = layout.fields;
    info.size = layout.size;
    info.align = layout.align;
    return info;
  }

  // ---- module-level variables and enum members ----

  private enumMemberValue(member: ts.EnumMember): Operand {
    const en = member.parent;
    const index = en.members.indexOf(member);
    if (member.initializer) {
      const v = this.evaluateConstant(this, member.initializer, undefined);
      if (v.known === undefined || (v.type.kind !== "int" && v.type.kind !== "untyped"))
        failAt(member.initializer, Code.constant, "enum members must be integer constants");
      return untypedConstant(v.known);
    }
    if (index === 0) return untypedConstant(0n);
    const prev = en.members[index - 1]!;
    const prevSym = this.symbolAt(prev.name)!;
    const b = this.resolve(prevSym, prev);
    if (b.kind !== "constant" || b.operand.known === undefined) failAt(member, Code.constant, "enum member needs an initialiser");
    return untypedConstant(b.operand.known + 1n);
  }

  private moduleVariable(decl: ts.VariableDeclaration): Binding {
    const stmt = decl.parent.parent as ts.VariableStatement;
    const name = decl.name.getText();
    const isConst = (decl.parent.flags & ts.NodeFlags.Const) !== 0;
    const exported = isExported(stmt);
    const declared = decl.type ? this.typeFromNode(decl.type) : undefined;
    if (hasDeclare(stmt)) return this.defineConstant(decl, name, declared);
    const init = decl.initializer;
    if (init && ts.isNewExpression(init)) return this.staticObject(decl, init, name, isConst, exported);
    if (declared?.kind === "array") failAt(decl, Code.declaration, `'${name}' must be initialised with new StaticArray<T>(length)`);
    if (isConst && !init) failAt(decl, Code.declaration, `const '${name}' needs an initialiser`);
    let value: Operand | undefined;
    if (init) {
      value = this.evaluateConstant(this, init, declared);
      if (value.type.kind === "void" || value.type.kind === "never") failAt(init, Code.type, `'${name}' cannot hold a ${typeName(value.type)} value`);
    }
    const type = declared ?? (value ? concreteType(value, init!) : undefined);
    if (!type) failAt(decl, Code.declaration, `'${name}' needs a type annotation or an initialiser, e.g. \`let ${name}: u32 = 0\``);
    // A const is a named constant (an untyped one stays untyped, adapting where it is used); the initialiser is already converted to an annotated type.
    if (isConst && !exported) return { kind: "constant", operand: value! };
    // Static storage: a `let` (or an exported const, which assembly may read).
    const storage = storageOf(type);
    if (!storage) failAt(decl, Code.type, `'${name}' of type ${typeName(type)} cannot be stored`);
    const symbol = exported ? name : this.uniqueName(name);
    const bytes = new Uint8Array(storage.width);
    const relocations: IrData["relocations"] = [];
    let zero = true;
    if (value) {
      if (value.value.kind === "symbol") {
        relocations.push({ offset: 0, symbol: value.value.name, addend: value.value.offset });
        zero = false;
      } else if (value.known !== undefined) {
        const bits = toIrConst(value.known) >>> 0;
        for (let i = 0; i < storage.width; i++) bytes[i] = (bits >>> (8 * i)) & 0xff;
        zero = bits === 0;
      }
    }
    const section = zero ? "bss" : isConst ? "rodata" : "data";
    this.data.push({ name: symbol, section, align: storage.width, size: storage.width, bytes: section === "bss" ? new Uint8Array(0) : bytes, relocations, exported, debug: { name, type: typeName(type) } });
    if (isConst) return { kind: "constant", operand: value! };
    return { kind: "global", symbol, type };
  }

  /** `declare const NAME: bool` (or an integer type): its value comes from --define. */
  private defineConstant(decl: ts.VariableDeclaration, name: string, type: Type | undefined): Binding {
    if (!type || (type.kind !== "bool" && type.kind !== "int"))
      failAt(decl, Code.define, `'${name}' must be declared \`declare const ${name}: bool\` (or an integer type) to be set by --define`);
    const text = this.defines.get(name);
    if (type.kind === "bool") {
      let v: boolean;
      if (text === undefined) v = false;
      else if (text === "" || text === "1" || text === "true") v = true;
      else if (text === "0" || text === "false") v = false;
      else failAt(decl, Code.define, `--define ${name}=${text}: a bool takes true, false, 1 or 0`);
      return { kind: "constant", operand: { type: BOOL, value: { kind: "const", value: v ? 1 : 0 }, known: v ? 1n : 0n } };
    }
    if (text === undefined) failAt(decl, Code.define, `'${name}' is not defined: pass --define ${name}=VALUE`);
    let v: bigint;
    try {
      if (!/^-?(0x[0-9a-fA-F]+|[0-9]+)$/.test(text)) throw new Error();
      v = text.startsWith("-") ? -BigInt(text.slice(1)) : BigInt(text);
    } catch {
      failAt(decl, Code.define, `--define ${name}=${text}: not an integer`);
    }
    if (!fits(type, v)) failAt(decl, Code.define, `--define ${name}=${text} does not fit ${type.name}`);
    return { kind: "constant", operand: { type, value: { kind: "const", value: toIrConst(v) }, known: v } };
  }

  /** `new StaticArray<T>(length, align)` and `new S()` at module level: static storage in .bss. */
  private staticObject(decl: ts.VariableDeclaration, init: ts.NewExpression, name: string, isConst: boolean, exported: boolean): Binding {
    if (!isConst) failAt(decl, Code.declaration, `declare static objects with const: \`const ${name} = ${init.getText()}\``);
    const sym = this.symbolAt(init.expression);
    const decl0 = sym?.declarations?.[0];
    const symbol = exported ? name : this.uniqueName(name);
    if (sym && decl0 && this.isRuntimeDeclaration(decl0) && sym.name === "StaticArray") {
      const elemNode = init.typeArguments?.[0] ?? (decl.type && ts.isTypeReferenceNode(decl.type) ? decl.type.typeArguments?.[0] : undefined);
      if (!elemNode) failAt(init, Code.type, "write the element type: new StaticArray<u32>(length)");
      const elem = this.elementType(elemNode);
      const args = init.arguments ?? [];
      if (args.length < 1) failAt(init, Code.declaration, "new StaticArray<T>(length, align?) needs a length");
      const length = this.constantInt(args[0]!, "the length of a StaticArray");
      if (length < 0n || length > 0x10000000n) failAt(args[0]!, Code.constant, `StaticArray length ${length} is out of range`);
      const width = storageOf(elem)!.width;
      let align: number = width;
      if (args[1]) {
        const a = this.constantInt(args[1], "the alignment of a StaticArray");
        if (a < 1n || a > 0x100000n || (a & (a - 1n)) !== 0n) failAt(args[1], Code.constant, `alignment ${a} is not a power of two`);
        align = Math.max(width, Number(a));
      }
      const n = Number(length);
      this.data.push({ name: symbol, section: "bss", align, size: n * width, bytes: new Uint8Array(0), relocations: [], exported, debug: { name, type: typeName(elem), length: n } });
      return { kind: "array", symbol, elem, length: n };
    }
    if (decl0 && ts.isClassDeclaration(decl0)) {
      const cls = this.classInfo(decl0);
      if ((init.arguments ?? []).length > 0) failAt(init, Code.unsupported, "unmanaged instances take no constructor arguments: they start zeroed");
      this.data.push({ name: symbol, section: "bss", align: cls.align, size: Math.max(cls.size, 1), bytes: new Uint8Array(0), relocations: [], exported });
      return { kind: "constant", operand: { type: { kind: "class", cls }, value: { kind: "symbol", name: symbol, offset: 0 } } };
    }
    failAt(init, Code.unsupported, "only `new StaticArray<T>(length, align?)` and `new S()` of an @unmanaged class are supported");
  }

  constantInt(expr: ts.Expression, what: string): bigint {
    const v = this.evaluateConstant(this, expr, undefined);
    if (v.known === undefined || (v.type.kind !== "int" && v.type.kind !== "untyped")) failAt(expr, Code.constant, `${what} must be an integer constant`);
    return v.known;
  }

  // ---- strings and messages in .rodata ----

  /**
   * A string literal: `[i32 length][bytes][NUL]` in .rodata; the value is the
   * address of the bytes. Characters above 0xFF have no byte and are rejected.
   */
  stringSymbol(text: string, node: ts.Node): string {
    const hit = this.strings.get(text);
    if (hit) return hit;
    const bytes = new Uint8Array(4 + text.length + 1);
    new DataView(bytes.buffer).setInt32(0, text.length, true);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c > 0xff) failAt(node, Code.unsupported, `string literals are bytes: character U+${c.toString(16).toUpperCase().padStart(4, "0")} does not fit in one; use \\xNN escapes`);
      bytes[4 + i] = c;
    }
    const name = this.uniqueName(`__ts386_str_${this.strings.size}`);
    this.data.push({ name, section: "rodata", align: 4, size: bytes.length, bytes, relocations: [], exported: false });
    this.strings.set(text, name);
    return name;
  }

  /** The message passed to __ts386_bounds_fail: `index out of bounds at FILE:LINE`, NUL-terminated. */
  boundsMessage(node: ts.Node): { symbol: string; length: number } {
    const file = node.getSourceFile();
    const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
    const text = `index out of bounds at ${path.relative(process.cwd(), file.fileName)}:${line}`;
    const hit = this.messages.get(text);
    if (hit) return hit;
    const symbol = this.stringSymbol(text, node);
    const m = { symbol, length: text.length };
    this.messages.set(text, m);
    return m;
  }
}

export function untypedConstant(v: bigint): Operand {
  return { type: UNTYPED, value: { kind: "const", value: toIrConst(v) }, known: v };
}

/** The type a variable gets from its initialiser when it has no annotation: untyped literals default to i32 (u32 if only u32 holds them). */
export function concreteType(op: Operand, at: ts.Node): Type {
  if (op.type.kind !== "untyped") return op.type;
  if (op.isNull) failAt(at, Code.type, "null needs a declared type: annotate the variable, e.g. `: S | null`");
  const v = op.known!;
  if (fits(I32, v)) return I32;
  if (fits(intType("u32"), v)) return intType("u32");
  failAt(at, Code.constant, `${v} does not fit in 32 bits`);
}

function isModuleLevel(decl: ts.VariableDeclaration): boolean {
  return ts.isVariableDeclarationList(decl.parent) && ts.isVariableStatement(decl.parent.parent) && ts.isSourceFile(decl.parent.parent.parent);
}

function modifiers(node: ts.Node): readonly ts.ModifierLike[] {
  return ts.canHaveModifiers(node) ? (ts.getModifiers(node) ?? []) : [];
}

export function isExported(node: ts.Node): boolean {
  return modifiers(node).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

function hasDeclare(node: ts.Node): boolean {
  return modifiers(node).some((m) => m.kind === ts.SyntaxKind.DeclareKeyword);
}

function hasStatic(node: ts.Node): boolean {
  return modifiers(node).some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
}
