// Stage 3b: calls. Direct calls to module functions (internal or cdecl), extern
// and indirect calls (cdecl), methods (`this` first), and the builtins of
// runtime/ts386.d.ts and runtime/linux.d.ts: casts, load/store, sizeof,
// addressOf, changetype, unchecked, the x86 intrinsics, sys_write/sys_exit.

import ts from "typescript";
import type { IntrinsicName, Value } from "../ir.js";
import type { Binding, Operand } from "./context.js";
import { Code, failAt } from "./errors.js";
import type { FunctionContext } from "./function-context.js";
import { VOID_OPERAND, boundsCheck, constOperand, convert, literalText, lowerExpr, moduleMember, indexFits, placeOf, provenInRange, stabilize, stringLength, unparen } from "./expressions.js";
import type { Signature, Type } from "./types.js";
import { I32, U8, USIZE, intType, isIntName, storageOf, typeName } from "./types.js";

/** The x86 intrinsics: TS name → IR name, parameter types and result type. */
const intrinsics: Record<string, { ir: IntrinsicName; params: Type[]; result: Type }> = {
  inb: { ir: "inb", params: [intType("u16")], result: U8 },
  inw: { ir: "inw", params: [intType("u16")], result: intType("u16") },
  inl: { ir: "inl", params: [intType("u16")], result: intType("u32") },
  outb: { ir: "outb", params: [intType("u16"), U8], result: { kind: "void" } },
  outw: { ir: "outw", params: [intType("u16"), intType("u16")], result: { kind: "void" } },
  outl: { ir: "outl", params: [intType("u16"), intType("u32")], result: { kind: "void" } },
  cli: { ir: "cli", params: [], result: { kind: "void" } },
  sti: { ir: "sti", params: [], result: { kind: "void" } },
  hlt: { ir: "hlt", params: [], result: { kind: "void" } },
  pause: { ir: "pause", params: [], result: { kind: "void" } },
  nop: { ir: "nop", params: [], result: { kind: "void" } },
  ud2: { ir: "ud2", params: [], result: { kind: "never" } },
  int3: { ir: "int3", params: [], result: { kind: "void" } },
  interrupt: { ir: "int", params: [U8], result: { kind: "void" } },
  readCr0: { ir: "readCr0", params: [], result: intType("u32") },
  readCr2: { ir: "readCr2", params: [], result: intType("u32") },
  readCr3: { ir: "readCr3", params: [], result: intType("u32") },
  readCr4: { ir: "readCr4", params: [], result: intType("u32") },
  writeCr0: { ir: "writeCr0", params: [intType("u32")], result: { kind: "void" } },
  writeCr3: { ir: "writeCr3", params: [intType("u32")], result: { kind: "void" } },
  writeCr4: { ir: "writeCr4", params: [intType("u32")], result: { kind: "void" } },
  lgdt: { ir: "lgdt", params: [USIZE], result: { kind: "void" } },
  lidt: { ir: "lidt", params: [USIZE], result: { kind: "void" } },
  invlpg: { ir: "invlpg", params: [USIZE], result: { kind: "void" } },
  readEflags: { ir: "readEflags", params: [], result: intType("u32") },
};

/** The Linux system calls of --target linux: cdecl calls to runtime functions of these names. */
const linuxCalls: Record<string, Signature> = {
  sys_write: { params: [I32, USIZE, USIZE], ret: I32 },
  sys_exit: { params: [I32], ret: { kind: "never" } },
};

export function lowerCall(fx: FunctionContext, e: ts.CallExpression): Operand {
  const callee = e.expression;
  if (ts.isIdentifier(callee)) {
    const b = fx.lookup(callee);
    if (b.kind === "builtin") return lowerBuiltin(fx, b.name, e);
    return callBinding(fx, b, callee, [], e);
  }
  if (ts.isPropertyAccessExpression(callee)) {
    const member = moduleMember(fx, callee);
    if (member) return callBinding(fx, member, callee, [], e);
    const sym = fx.ctx.symbolAt(callee.name);
    const decl = sym?.valueDeclaration;
    if (decl && ts.isMethodDeclaration(decl) && !fx.ctx.isRuntimeDeclaration(decl)) {
      const obj = lowerExpr(fx, callee.expression);
      if (obj.type.kind !== "class") failAt(callee.expression, Code.type, `methods are called on @unmanaged class instances, not ${typeName(obj.type)}`);
      const info = fx.ctx.functionInfo(decl);
      return emitCall(fx, { kind: "symbol", name: info.name, offset: 0 }, info.sig, info.conv, [obj], e);
    }
    if (decl && fx.ctx.isRuntimeDeclaration(decl) && callee.name.text === "charCodeAt") return charCodeAt(fx, callee.expression, e);
  }
  // Anything else that evaluates to a function reference: a field, an array element, a parenthesised expression.
  const f = stabilize(fx, lowerExpr(fx, callee), e.arguments, e);
  if (f.type.kind !== "func") failAt(callee, Code.type, `${typeName(f.type)} is not a function`);
  return emitCall(fx, f.value, f.type.sig, "cdecl", [], e);
}

function callBinding(fx: FunctionContext, b: Binding, callee: ts.Expression, leading: Operand[], e: ts.CallExpression): Operand {
  switch (b.kind) {
    case "function":
      if (b.fn.thisClass) failAt(callee, Code.type, "call a method on an instance: `obj.method(...)`");
      return emitCall(fx, { kind: "symbol", name: b.fn.name, offset: 0 }, b.fn.sig, b.fn.conv, leading, e);
    case "extern":
      return emitCall(fx, { kind: "symbol", name: b.name, offset: 0 }, b.sig, "cdecl", leading, e);
    case "builtin":
      return lowerBuiltin(fx, b.name, e);
    default: {
      const f = ts.isIdentifier(callee) || ts.isPropertyAccessExpression(callee) ? stabilize(fx, lowerExpr(fx, callee), e.arguments, e) : undefined;
      if (!f || f.type.kind !== "func") failAt(callee, Code.type, `'${callee.getText()}' is not a function`);
      return emitCall(fx, f.value, f.type.sig, "cdecl", leading, e);
    }
  }
}

/** Evaluates the arguments left to right, converts them to the parameter types and emits the call. */
function emitCall(fx: FunctionContext, callee: Value, sig: Signature, conv: "cdecl" | "internal", leading: Operand[], e: ts.CallExpression): Operand {
  if (e.typeArguments) failAt(e.typeArguments[0]!, Code.unsupported, "generic functions are not supported");
  if (e.arguments.length !== sig.params.length) failAt(e, Code.type, `expected ${sig.params.length} arguments, got ${e.arguments.length}`);
  const args: Value[] = leading.map((o) => o.value);
  e.arguments.forEach((arg, i) => {
    const v = stabilize(fx, convert(fx, lowerExpr(fx, arg), sig.params[i]!, arg), e.arguments.slice(i + 1), arg);
    args.push(v.value);
  });
  const b = fx.code(e);
  const pos = fx.pos(e);
  const returns = sig.ret.kind !== "void" && sig.ret.kind !== "never";
  const dst = returns ? b.newTemp() : undefined;
  b.emit({ op: "call", dst, callee, args, conv, pos });
  // A cdecl callee may be assembly or C that leaves the upper bits of a narrow result undefined: re-extend it.
  if (dst !== undefined && conv === "cdecl" && sig.ret.kind === "int" && sig.ret.width < 4)
    b.emit({ op: "extend", dst, src: { kind: "temp", temp: dst }, width: sig.ret.width as 1 | 2, signed: sig.ret.signed, pos });
  if (sig.ret.kind === "never") {
    b.terminate({ op: "unreachable", pos });
    return { type: sig.ret, value: { kind: "const", value: 0 } };
  }
  return dst === undefined ? VOID_OPERAND : { type: sig.ret, value: { kind: "temp", temp: dst } };
}

function typeArgument(fx: FunctionContext, e: ts.CallExpression, name: string): Type {
  const arg = e.typeArguments?.[0];
  if (!arg) failAt(e, Code.type, `write the type: ${name}<u32>(...)`);
  return fx.ctx.typeFromNode(arg);
}

function argCount(e: ts.CallExpression, n: number, usage: string): void {
  if (e.arguments.length !== n) failAt(e, Code.type, `usage: ${usage}`);
}

function lowerBuiltin(fx: FunctionContext, name: string, e: ts.CallExpression): Operand {
  const pos = fx.pos(e);
  if (isIntName(name)) {
    argCount(e, 1, `${name}(value)`);
    return convert(fx, lowerExpr(fx, e.arguments[0]!), intType(name), e.arguments[0]!, "cast");
  }
  const intrinsic = intrinsics[name];
  if (intrinsic) return lowerIntrinsic(fx, name, intrinsic, e);
  const linux = linuxCalls[name];
  if (linux) {
    fx.ctx.externs.add(name);
    return emitCall(fx, { kind: "symbol", name, offset: 0 }, linux, "cdecl", [], e);
  }
  switch (name) {
    case "load": {
      argCount(e, 1, "load<T>(address)");
      const t = typeArgument(fx, e, "load");
      const s = storageOf(t);
      if (!s) failAt(e, Code.type, `load<${typeName(t)}> is not supported: load an integer, bool or reference type`);
      const addr = convert(fx, lowerExpr(fx, e.arguments[0]!), USIZE, e.arguments[0]!);
      const dst = fx.temp(e);
      fx.code(e).emit({ op: "load", dst, width: s.width, signed: s.signed, address: addr.value, offset: 0, pos });
      return { type: t, value: { kind: "temp", temp: dst } };
    }
    case "store": {
      argCount(e, 2, "store<T>(address, value)");
      const t = typeArgument(fx, e, "store");
      const s = storageOf(t);
      if (!s) failAt(e, Code.type, `store<${typeName(t)}> is not supported: store an integer, bool or reference type`);
      const addr = stabilize(fx, convert(fx, lowerExpr(fx, e.arguments[0]!), USIZE, e.arguments[0]!), [e.arguments[1]!], e);
      const v = convert(fx, lowerExpr(fx, e.arguments[1]!), t, e.arguments[1]!);
      fx.code(e).emit({ op: "store", width: s.width, address: addr.value, offset: 0, value: v.value, pos });
      return VOID_OPERAND;
    }
    case "sizeof": {
      argCount(e, 0, "sizeof<T>()");
      const t = typeArgument(fx, e, "sizeof");
      if (t.kind === "class") return constOperand(USIZE, BigInt(t.cls.size));
      const s = storageOf(t);
      if (!s) failAt(e, Code.type, `sizeof<${typeName(t)}> has no size`);
      return constOperand(USIZE, BigInt(s.width));
    }
    case "addressOf":
      argCount(e, 1, "addressOf(x)");
      return addressOf(fx, e.arguments[0]!);
    case "changetype": {
      argCount(e, 1, "changetype<T>(address)");
      const t = typeArgument(fx, e, "changetype");
      const v = lowerExpr(fx, e.arguments[0]!);
      const addr = v.type.kind === "class" || v.type.kind === "func" || v.type.kind === "string" ? v : convert(fx, v, USIZE, e.arguments[0]!);
      // (a local's own temp stays marked local: a later assignment in the expression must not change it)
      if (t.kind === "class" || t.kind === "func") return { type: t, value: addr.value, local: addr.local };
      if (t.kind === "int" && t.width === 4) return { type: t, value: addr.value, known: addr.known, local: addr.local };
      failAt(e.typeArguments![0]!, Code.type, "changetype<T> views an address as an @unmanaged class (or a function reference, or u32/usize)");
    }
    case "unchecked": {
      argCount(e, 1, "unchecked(array[index])");
      fx.unchecked++;
      try {
        return lowerExpr(fx, e.arguments[0]!);
      } finally {
        fx.unchecked--;
      }
    }
    case "unmanaged":
    case "packed":
      failAt(e, Code.unsupported, `${name} is a class decorator: write @${name} before the class`);
    default:
      failAt(e, Code.unsupported, `'${name}' cannot be called`);
  }
}

function lowerIntrinsic(fx: FunctionContext, name: string, spec: (typeof intrinsics)[string], e: ts.CallExpression): Operand {
  argCount(e, spec.params.length, `${name}(${spec.params.map(typeName).join(", ")})`);
  const args: Value[] = [];
  e.arguments.forEach((arg, i) => {
    const v = stabilize(fx, convert(fx, lowerExpr(fx, arg), spec.params[i]!, arg), e.arguments.slice(i + 1), arg);
    if (name === "interrupt" && v.known === undefined) failAt(arg, Code.constant, "interrupt(n) needs a constant vector number 0..255");
    args.push(v.value);
  });
  const b = fx.code(e);
  const pos = fx.pos(e);
  const returns = spec.result.kind === "int";
  const dst = returns ? b.newTemp() : undefined;
  b.emit({ op: "intrinsic", dst, name: spec.ir, args, pos });
  if (spec.result.kind === "never") {
    b.terminate({ op: "unreachable", pos });
    return { type: spec.result, value: { kind: "const", value: 0 } };
  }
  return dst === undefined ? VOID_OPERAND : { type: spec.result, value: { kind: "temp", temp: dst } };
}

/** `s.charCodeAt(i)`: the byte at i (u8), bounds-checked against the string's length; folded for literals. */
function charCodeAt(fx: FunctionContext, strExpr: ts.Expression, e: ts.CallExpression): Operand {
  argCount(e, 1, "s.charCodeAt(index)");
  const s = lowerExpr(fx, strExpr);
  if (s.type.kind !== "string") failAt(strExpr, Code.type, `charCodeAt needs a string, not ${typeName(s.type)}`);
  const index = stabilize(fx, lowerExpr(fx, e.arguments[0]!), [], e);
  if (index.type.kind !== "int" && index.type.kind !== "untyped") failAt(e.arguments[0]!, Code.type, "an index must be an integer");
  const text = literalText(s);
  if (index.known !== undefined) {
    const k = index.type.kind === "int" && index.type.signed ? BigInt.asIntN(32, index.known) : index.known;
    if (text !== undefined) {
      if (k < 0n || k >= BigInt(text.length)) failAt(e.arguments[0]!, Code.bounds, `index ${k} is out of bounds of a string of length ${text.length}`);
      return constOperand(U8, BigInt(text.charCodeAt(Number(k))));
    }
  }
  const idx = index.type.kind === "untyped" ? convert(fx, index, I32, e.arguments[0]!) : index;
  const proven = (text !== undefined && (provenInRange(fx, e.arguments[0]!, text.length) || indexFits(idx, text.length))) || provenForString(fx, strExpr, e.arguments[0]!);
  if (!fx.unchecked && !proven) boundsCheck(fx, idx.value, stringLength(fx, s, e).value, e);
  const b = fx.code(e);
  const addr = b.newTemp();
  b.emit({ op: "binary", dst: addr, kind: "add", left: s.value, right: idx.value, pos: fx.pos(e) });
  const dst = b.newTemp();
  b.emit({ op: "load", dst, width: 1, signed: false, address: { kind: "temp", temp: addr }, offset: 0, pos: fx.pos(e) });
  return { type: U8, value: { kind: "temp", temp: dst } };
}

/** Is `index` the variable of a loop over this very string variable's length (statements.ts, stringLoop)? */
function provenForString(fx: FunctionContext, strExpr: ts.Expression, index: ts.Expression): boolean {
  const i = unparen(index);
  const str = unparen(strExpr);
  if (!ts.isIdentifier(i) || !ts.isIdentifier(str)) return false;
  const iSym = fx.ctx.symbolAt(i);
  const sSym = fx.ctx.symbolAt(str);
  return iSym !== undefined && sSym !== undefined && fx.provenForString.get(iSym) === sSym;
}

/** addressOf: static arrays, unmanaged instances, functions, string literals, fields and array elements. */
function addressOf(fx: FunctionContext, x: ts.Expression): Operand {
  while (ts.isParenthesizedExpression(x)) x = x.expression;
  if (ts.isIdentifier(x) || ts.isPropertyAccessExpression(x)) {
    const b = ts.isIdentifier(x) ? fx.lookup(x) : moduleMember(fx, x);
    if (b?.kind === "array") return { type: USIZE, value: { kind: "symbol", name: b.symbol, offset: 0 } };
    if (b?.kind === "function" || b?.kind === "extern") {
      const f = lowerExpr(fx, x);
      return { type: USIZE, value: f.value };
    }
    if (b?.kind === "global") return { type: USIZE, value: { kind: "symbol", name: b.symbol, offset: 0 } };
    if (b && b.kind !== "local" && b.kind !== "constant" && ts.isIdentifier(x)) failAt(x, Code.type, `addressOf(${x.text}): a ${b.kind} has no address`);
  }
  if (ts.isStringLiteral(x)) return { type: USIZE, value: lowerExpr(fx, x).value };
  if (ts.isPropertyAccessExpression(x) || ts.isElementAccessExpression(x) || ts.isCallExpression(x)) {
    const place = placeOf(fx, x);
    if (place.kind === "memory") {
      if (place.offset === 0) return { type: USIZE, value: place.address };
      if (place.address.kind === "symbol") return { type: USIZE, value: { ...place.address, offset: place.address.offset + place.offset } };
      const dst = fx.temp(x);
      fx.code(x).emit({ op: "binary", dst, kind: "add", left: place.address, right: { kind: "const", value: place.offset }, pos: fx.pos(x) });
      return { type: USIZE, value: { kind: "temp", temp: dst } };
    }
  }
  const v = lowerExpr(fx, x);
  if (v.type.kind === "class" || v.type.kind === "string" || v.type.kind === "func") return { type: USIZE, value: v.value, known: v.known };
  failAt(x, Code.type, `addressOf needs a static array, an unmanaged instance, a function, a string, a field or an array element, not ${typeName(v.type)}`);
}

