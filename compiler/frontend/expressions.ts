// Stage 3a: expressions → IR. Every expression lowers to an Operand (type,
// value, and the value itself when it is a compile-time constant, so constants
// fold as they are built). Operands are evaluated left to right.

import ts from "typescript";
import type { BinaryOp, Condition, Value } from "../ir.js";
import type { Binding, Operand, ProgramContext } from "./context.js";
import { concreteType, untypedConstant } from "./context.js";
import { Code, FrontendError, failAt } from "./errors.js";
import { FunctionContext } from "./function-context.js";
import type { ArithOp, CompareOp } from "./integers.js";
import { arithmeticType, defaultIntType, fits, foldArith, foldCompare, foldNeg, foldNot, implicitlyConvertible, maxOf, minOf, promote, toIrConst, wrap } from "./integers.js";
import type { IntType, Type } from "./types.js";
import { BOOL, I32, STRING, U32, U8, UNTYPED, VOID, sameType, storageOf, typeName } from "./types.js";
import { lowerCall } from "./calls.js";
import type { OpenBlock } from "./builder.js";

export function constOperand(type: Type, v: bigint): Operand {
  return { type, value: { kind: "const", value: toIrConst(v) }, known: v };
}

export const VOID_OPERAND: Operand = { type: VOID, value: { kind: "const", value: 0 } };

// ---------------------------------------------------------------- literals

function parseIntegerLiteral(text: string): bigint {
  const t = text.replace(/_/g, "");
  if (/^0[0-7]+$/.test(t)) return BigInt("0o" + t.slice(1)); // legacy octal (TS rejects it in strict mode anyway)
  return BigInt(t);
}

// ---------------------------------------------------------------- conversions

export type ConvertMode = "implicit" | "cast";

/**
 * Converts an operand to `to`. Implicit conversions allow widening and
 * same-width sign changes, constants that fit, and nothing else; casts
 * truncate or extend integers (C casts) and turn bools and references into integers.
 */
export function convert(fx: FunctionContext, op: Operand, to: Type, node: ts.Node, mode: ConvertMode = "implicit"): Operand {
  const from = op.type;
  if (to.kind === "int") {
    if (from.kind === "untyped") {
      if (op.isNull) failAt(node, Code.type, `null is not an integer: write 0`);
      const v = op.known!;
      if (mode === "implicit" && !fits(to, v))
        failAt(node, Code.constant, `${v} does not fit ${to.name} (range ${rangeText(to)}); write ${to.name}(${v}) to wrap it`);
      return constOperand(to, wrap(to, v));
    }
    if (from.kind === "int") {
      if (op.known !== undefined) {
        if (mode === "implicit" && !implicitlyConvertible(from, to) && !fits(to, op.known))
          failAt(node, Code.constant, `constant ${op.known} of type ${from.name} does not fit ${to.name}; write ${to.name}(...) to wrap it`);
        return constOperand(to, wrap(to, op.known));
      }
      const inRange = op.range !== undefined && fits(to, op.range[0]) && fits(to, op.range[1]);
      if (mode === "implicit" && !implicitlyConvertible(from, to) && !inRange)
        failAt(node, Code.type, `narrowing ${from.name} to ${to.name} needs an explicit cast: write ${to.name}(${shortText(node)})`);
      if (inRange) return { type: to, value: op.value, local: op.local }; // the held value is already in the target's range
      return extendTo(fx, op, from, to, node);
    }
    if (mode === "cast" && from.kind === "bool") {
      if (op.known !== undefined) return constOperand(to, op.known);
      return extendTo(fx, op, U8, to, node);
    }
    if (mode === "cast" && (from.kind === "string" || from.kind === "class" || from.kind === "func")) {
      if (to.width !== 4) failAt(node, Code.type, `a ${typeName(from)} reference is an address: cast it to u32 or usize`);
      return { type: to, value: op.value, local: op.local };
    }
    failAt(node, Code.type, `${typeName(from)} is not an integer${from.kind === "bool" ? `: write ${to.name}(${shortText(node)})` : ""}`);
  }
  if (to.kind === "bool") {
    if (from.kind === "bool") return op;
    failAt(node, Code.type, `${typeName(from)} is not a bool: compare it, e.g. \`${shortText(node)} != 0\``);
  }
  if (to.kind === "class" || to.kind === "func" || to.kind === "string") {
    if (op.isNull) return { type: to, value: { kind: "const", value: 0 }, known: 0n };
    if (sameType(from, to)) return { ...op, type: to };
    if (to.kind === "class" && from.kind === "int") failAt(node, Code.type, `${from.name} is not a ${to.cls.name}: view memory with changetype<${to.cls.name}>(address)`);
    failAt(node, Code.type, `${typeName(from)} cannot be used as ${typeName(to)}`);
  }
  if (to.kind === "void") return VOID_OPERAND;
  failAt(node, Code.type, `${typeName(from)} cannot be used as ${typeName(to)}`);
}

function rangeText(t: IntType): string {
  const bits = t.width * 8;
  return t.signed ? `${-(2 ** (bits - 1))}..${2 ** (bits - 1) - 1}` : `0..${2 ** bits - 1}`;
}

function shortText(node: ts.Node): string {
  const t = node.getText();
  return t.length > 40 ? "..." : t;
}

/** Re-extends a 32-bit held value to a narrow type when the held bits may be out of its range. */
function extendTo(fx: FunctionContext, op: Operand, from: IntType, to: IntType, node: ts.Node): Operand {
  // Where the value passes through as the local's own temp, it stays marked local: a later
  // assignment in the same expression must not change what was read (stabilize copies it).
  if (to.width === 4) return { type: to, value: op.value, local: op.local };
  const alreadyInRange = (from.width < to.width && (!from.signed || to.signed)) || (from.width === to.width && from.signed === to.signed);
  if (alreadyInRange) return { type: to, value: op.value, local: op.local };
  const dst = fx.temp(node);
  fx.code(node).emit({ op: "extend", dst, src: op.value, width: to.width as 1 | 2, signed: to.signed, pos: fx.pos(node) });
  return { type: to, value: { kind: "temp", temp: dst } };
}

/** Gives an operand a concrete type (untyped literals become i32, or u32 when only u32 holds them). */
export function materialize(fx: FunctionContext, op: Operand, node: ts.Node): Operand {
  if (op.type.kind !== "untyped") return op;
  return convert(fx, op, concreteType(op, node), node);
}

// ---------------------------------------------------------------- expressions

export function lowerExpr(fx: FunctionContext, e: ts.Expression): Operand {
  switch (e.kind) {
    case ts.SyntaxKind.NumericLiteral:
      return untypedConstant(parseIntegerLiteral((e as ts.NumericLiteral).getText()));
    case ts.SyntaxKind.TrueKeyword:
      return constOperand(BOOL, 1n);
    case ts.SyntaxKind.FalseKeyword:
      return constOperand(BOOL, 0n);
    case ts.SyntaxKind.NullKeyword:
      return { type: UNTYPED, value: { kind: "const", value: 0 }, known: 0n, isNull: true };
    case ts.SyntaxKind.StringLiteral:
      return stringLiteral(fx, e as ts.StringLiteral);
    case ts.SyntaxKind.ParenthesizedExpression:
      return lowerExpr(fx, (e as ts.ParenthesizedExpression).expression);
    case ts.SyntaxKind.NonNullExpression:
      return lowerExpr(fx, (e as ts.NonNullExpression).expression);
    case ts.SyntaxKind.Identifier:
      return readBinding(fx, fx.lookup(e), e);
    case ts.SyntaxKind.ThisKeyword:
      if (!fx.thisOperand) failAt(e, Code.unsupported, "`this` is only available inside methods of @unmanaged classes");
      return fx.thisOperand;
    case ts.SyntaxKind.PropertyAccessExpression:
      return lowerPropertyAccess(fx, e as ts.PropertyAccessExpression);
    case ts.SyntaxKind.ElementAccessExpression:
      return readPlace(fx, placeOf(fx, e), e);
    case ts.SyntaxKind.CallExpression:
      return lowerCall(fx, e as ts.CallExpression);
    case ts.SyntaxKind.PrefixUnaryExpression:
      return lowerPrefix(fx, e as ts.PrefixUnaryExpression);
    case ts.SyntaxKind.PostfixUnaryExpression: {
      const p = e as ts.PostfixUnaryExpression;
      return increment(fx, p.operand, p.operator === ts.SyntaxKind.PlusPlusToken ? "add" : "sub", false, e);
    }
    case ts.SyntaxKind.BinaryExpression:
      return lowerBinary(fx, e as ts.BinaryExpression);
    case ts.SyntaxKind.ConditionalExpression:
      return lowerConditional(fx, e as ts.ConditionalExpression);
    case ts.SyntaxKind.NewExpression:
      failAt(e, Code.unsupported, "heap allocation is not supported: declare the object at module level (`const x = new S()`) or view memory with changetype<S>(addr)");
    default:
      failAt(e, Code.unsupported, `this expression (${ts.SyntaxKind[e.kind]}) is not supported`);
  }
}

function stringLiteral(fx: FunctionContext, e: ts.StringLiteral): Operand {
  return stringConstant(fx, e.text, e);
}

function stringConstant(fx: FunctionContext, text: string, node: ts.Node): Operand {
  const symbol = fx.ctx.stringSymbol(text, node);
  return { type: STRING, value: { kind: "symbol", name: symbol, offset: 4 }, literal: text };
}

/** The text of a string operand when it is a literal (length and charCodeAt fold). */
export function literalText(op: Operand): string | undefined {
  return op.literal;
}

export function readBinding(fx: FunctionContext, b: Binding, node: ts.Node): Operand {
  switch (b.kind) {
    case "local":
      return { type: b.type, value: { kind: "temp", temp: b.temp }, local: true, range: b.range };
    case "constant":
      return b.operand;
    case "global": {
      const s = storageOf(b.type)!;
      const dst = fx.temp(node);
      fx.code(node).emit({ op: "load", dst, width: s.width, signed: s.signed, address: { kind: "symbol", name: b.symbol, offset: 0 }, offset: 0, pos: fx.pos(node) });
      return { type: b.type, value: { kind: "temp", temp: dst } };
    }
    case "function":
      if (b.fn.thisClass) failAt(node, Code.unsupported, "methods cannot be used as values: write a module-level function that takes the instance");
      return { type: { kind: "func", sig: b.fn.sig }, value: { kind: "symbol", name: b.fn.name, offset: 0 } };
    case "extern":
      return { type: { kind: "func", sig: b.sig }, value: { kind: "symbol", name: b.name, offset: 0 } };
    case "array":
      failAt(node, Code.type, "a StaticArray is not a value: index it, read its .length, or take addressOf(array)");
    case "builtin":
      failAt(node, Code.type, `'${node.getText()}' is a builtin: call it`);
    case "class":
    case "enum":
      failAt(node, Code.type, `'${node.getText()}' is a type, not a value`);
  }
}

/** Is this operand a local variable's temp (which a later assignment in the same expression could change)? */
function isLocalTemp(op: Operand): boolean {
  return op.local === true;
}

/** Does evaluating `e` assign to anything (so earlier operands read from locals must be copied first)? */
export function mayWriteLocals(e: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment) found = true;
    else if ((ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) && (n.operator === ts.SyntaxKind.PlusPlusToken || n.operator === ts.SyntaxKind.MinusMinusToken)) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(e);
  return found;
}

/** Copies a local's value when the rest of the expression may overwrite the local (left-to-right evaluation). */
export function stabilize(fx: FunctionContext, op: Operand, later: readonly ts.Node[], node: ts.Node): Operand {
  if (!isLocalTemp(op) || !later.some(mayWriteLocals)) return op;
  const dst = fx.temp(node);
  fx.code(node).emit({ op: "copy", dst, src: op.value, pos: fx.pos(node) });
  return { type: op.type, value: { kind: "temp", temp: dst } };
}

// ---------------------------------------------------------------- places (assignable locations)

export type Place =
  | { kind: "local"; binding: Extract<Binding, { kind: "local" }> }
  | { kind: "memory"; address: Value; offset: number; type: Type };

export function placeOf(fx: FunctionContext, e: ts.Expression): Place {
  if (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e)) return placeOf(fx, e.expression);
  if (ts.isIdentifier(e)) {
    const b = fx.lookup(e);
    if (b.kind === "local") return { kind: "local", binding: b };
    if (b.kind === "global") return { kind: "memory", address: { kind: "symbol", name: b.symbol, offset: 0 }, offset: 0, type: b.type };
    failAt(e, Code.type, `'${e.text}' cannot be assigned: it is ${b.kind === "constant" ? "a constant" : `a ${b.kind}`}`);
  }
  if (ts.isPropertyAccessExpression(e)) {
    const moduleLevel = moduleMember(fx, e);
    if (moduleLevel?.kind === "global") return { kind: "memory", address: { kind: "symbol", name: moduleLevel.symbol, offset: 0 }, offset: 0, type: moduleLevel.type };
    const obj = lowerExpr(fx, e.expression);
    if (obj.type.kind !== "class") failAt(e, Code.type, `'${e.name.text}' is not a field of an @unmanaged class`);
    const field = obj.type.cls.fields.get(e.name.text);
    if (!field) failAt(e.name, Code.type, `'${e.name.text}' is not a field of ${obj.type.cls.name}`);
    return { kind: "memory", address: obj.value, offset: field.offset, type: field.type };
  }
  if (ts.isElementAccessExpression(e)) return elementPlace(fx, e);
  if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.arguments.length === 1) {
    const b = fx.lookup(e.expression);
    if (b.kind === "builtin" && b.name === "unchecked") {
      fx.unchecked++;
      try {
        return placeOf(fx, e.arguments[0]!);
      } finally {
        fx.unchecked--;
      }
    }
  }
  failAt(e, Code.type, "this expression cannot be assigned: assign a variable, a field or an array element");
}

/** A module-level binding reached through a namespace import or an enum/class qualifier (`ns.x`, `E.A`, `S.f`). */
export function moduleMember(fx: FunctionContext, e: ts.PropertyAccessExpression): Binding | undefined {
  const sym = fx.ctx.symbolAt(e.name);
  const decl = sym?.valueDeclaration;
  if (!sym || !decl) return undefined;
  if (ts.isEnumMember(decl) || ts.isFunctionDeclaration(decl) || (ts.isMethodDeclaration(decl) && isStatic(decl))) return fx.ctx.resolve(sym, e);
  if (ts.isVariableDeclaration(decl) && !fx.ctx.isRuntimeDeclaration(decl)) return fx.ctx.resolve(sym, e);
  return undefined;
}

function isStatic(decl: ts.MethodDeclaration): boolean {
  return (ts.getModifiers(decl) ?? []).some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
}

/** The array behind `a` in `a[i]`: a module-level StaticArray, by name. */
export function arrayBinding(fx: FunctionContext, e: ts.Expression): Extract<Binding, { kind: "array" }> {
  let b: Binding | undefined;
  if (ts.isIdentifier(e)) b = fx.lookup(e);
  else if (ts.isPropertyAccessExpression(e)) b = moduleMember(fx, e);
  else if (ts.isParenthesizedExpression(e)) return arrayBinding(fx, e.expression);
  if (b?.kind === "array") return b;
  failAt(e, Code.type, "only module-level StaticArrays can be indexed, by name (for other memory use load<T>/store<T>)");
}

function elementPlace(fx: FunctionContext, e: ts.ElementAccessExpression): Place {
  const arr = arrayBinding(fx, e.expression);
  const size = storageOf(arr.elem)!.width;
  const base: Value = { kind: "symbol", name: arr.symbol, offset: 0 };
  const index = lowerExpr(fx, e.argumentExpression);
  if (index.type.kind !== "int" && index.type.kind !== "untyped") failAt(e.argumentExpression, Code.type, `an index must be an integer, not ${typeName(index.type)}`);
  if (index.known !== undefined) {
    const k = index.type.kind === "int" ? wrapIndex(index) : index.known;
    if (k < 0n || k >= BigInt(arr.length)) failAt(e.argumentExpression, Code.bounds, `index ${k} is out of bounds of an array of length ${arr.length}`);
    return { kind: "memory", address: { ...base, offset: Number(k) * size }, offset: 0, type: arr.elem };
  }
  if (!fx.unchecked && !provenInRange(fx, e.argumentExpression, arr.length) && !indexFits(index, arr.length))
    boundsCheck(fx, index.value, { kind: "const", value: arr.length }, e);
  return { kind: "memory", address: scaledAddress(fx, base, index.value, size, e), offset: 0, type: arr.elem };
}

function wrapIndex(index: Operand): bigint {
  return (index.type as IntType).signed ? BigInt.asIntN(32, index.known!) : BigInt.asUintN(32, index.known!);
}

/** Is `index` a counted loop's variable whose bound is within the array's length? */
export function provenInRange(fx: FunctionContext, index: ts.Expression, length: number): boolean {
  while (ts.isParenthesizedExpression(index)) index = index.expression;
  if (!ts.isIdentifier(index)) return false;
  const sym = fx.ctx.symbolAt(index);
  const bound = sym ? fx.proven.get(sym) : undefined;
  return bound !== undefined && bound <= BigInt(length);
}

/** Is the index's proven range (a loop variable's, derived by arithmetic, or its narrow type's) inside [0, length)? */
export function indexFits(index: Operand, length: number): boolean {
  const r = rangeOf(index);
  return r !== undefined && r[0] >= 0n && r[1] < BigInt(length);
}

/** base + index * size. */
export function scaledAddress(fx: FunctionContext, base: Value, index: Value, size: number, node: ts.Node): Value {
  const b = fx.code(node);
  const pos = fx.pos(node);
  let scaled = index;
  if (size > 1) {
    const t = b.newTemp();
    b.emit({ op: "binary", dst: t, kind: "shl", left: index, right: { kind: "const", value: Math.log2(size) }, pos });
    scaled = { kind: "temp", temp: t };
  }
  const addr = b.newTemp();
  b.emit({ op: "binary", dst: addr, kind: "add", left: base, right: scaled, pos });
  return { kind: "temp", temp: addr };
}

/** if (index >=u length) __ts386_bounds_fail(msg, msgLength) — noreturn. */
export function boundsCheck(fx: FunctionContext, index: Value, length: Value, node: ts.Node): void {
  const b = fx.code(node);
  const pos = fx.pos(node);
  const ok = b.newBlock();
  const bad = b.newBlock();
  b.terminate({ op: "branchCompare", cond: "ult", left: index, right: length, ifTrue: ok.id, ifFalse: bad.id, pos });
  b.setBlock(bad);
  const msg = fx.ctx.boundsMessage(node);
  fx.ctx.externs.add(BOUNDS_FAIL);
  b.emit({
    op: "call",
    callee: { kind: "symbol", name: BOUNDS_FAIL, offset: 0 },
    args: [{ kind: "symbol", name: msg.symbol, offset: 4 }, { kind: "const", value: msg.length }],
    conv: "cdecl",
    pos,
  });
  b.terminate({ op: "unreachable", pos });
  b.setBlock(ok);
}

export const BOUNDS_FAIL = "__ts386_bounds_fail";

export function readPlace(fx: FunctionContext, place: Place, node: ts.Node): Operand {
  if (place.kind === "local") return readBinding(fx, place.binding, node);
  const s = storageOf(place.type);
  if (!s) failAt(node, Code.type, `cannot read a ${typeName(place.type)} from memory`);
  const dst = fx.temp(node);
  fx.code(node).emit({ op: "load", dst, width: s.width, signed: s.signed, address: place.address, offset: place.offset, pos: fx.pos(node) });
  return { type: place.type, value: { kind: "temp", temp: dst } };
}

/** Stores an operand already converted to the place's type. */
export function writePlace(fx: FunctionContext, place: Place, v: Operand, node: ts.Node): void {
  if (place.kind === "local") {
    fx.code(node).emit({ op: "copy", dst: place.binding.temp, src: v.value, pos: fx.pos(node) });
    return;
  }
  const s = storageOf(place.type)!;
  fx.code(node).emit({ op: "store", width: s.width, address: place.address, offset: place.offset, value: v.value, pos: fx.pos(node) });
}

function placeType(place: Place): Type {
  return place.kind === "local" ? place.binding.type : place.type;
}

function checkMutable(place: Place, node: ts.Node): void {
  if (place.kind === "local" && !place.binding.mutable) failAt(node, Code.type, `'${place.binding.name}' is const`);
}

// ---------------------------------------------------------------- property access

function lowerPropertyAccess(fx: FunctionContext, e: ts.PropertyAccessExpression): Operand {
  const member = moduleMember(fx, e);
  if (member) return readBinding(fx, member, e);
  const decl = fx.ctx.symbolAt(e.name)?.valueDeclaration;
  if (decl && ts.isMethodDeclaration(decl) && !fx.ctx.isRuntimeDeclaration(decl))
    failAt(e, Code.unsupported, "methods cannot be used as values: write a module-level function that takes the instance");
  // `.length` of a StaticArray (a constant) or of a string (runtime/core.d.ts declares both).
  if (e.name.text === "length" && decl && fx.ctx.isRuntimeDeclaration(decl)) {
    const owner = decl.parent;
    if (ts.isClassDeclaration(owner) && owner.name?.text === "StaticArray") return constOperand(I32, BigInt(arrayBinding(fx, e.expression).length));
    const s = lowerExpr(fx, e.expression);
    if (s.type.kind === "string") return stringLength(fx, s, e);
  }
  return readPlace(fx, placeOf(fx, e), e);
}

/** The length of a string: folded for literals, else the i32 stored 4 bytes before the bytes. */
export function stringLength(fx: FunctionContext, s: Operand, node: ts.Node): Operand {
  const text = literalText(s);
  if (text !== undefined) return constOperand(I32, BigInt(text.length));
  const dst = fx.temp(node);
  fx.code(node).emit({ op: "load", dst, width: 4, signed: true, address: s.value, offset: -4, pos: fx.pos(node) });
  return { type: I32, value: { kind: "temp", temp: dst } };
}

// ---------------------------------------------------------------- operators

const arithOps: Partial<Record<ts.SyntaxKind, ArithOp>> = {
  [ts.SyntaxKind.PlusToken]: "add",
  [ts.SyntaxKind.MinusToken]: "sub",
  [ts.SyntaxKind.AsteriskToken]: "mul",
  [ts.SyntaxKind.SlashToken]: "div",
  [ts.SyntaxKind.PercentToken]: "rem",
  [ts.SyntaxKind.AmpersandToken]: "and",
  [ts.SyntaxKind.BarToken]: "or",
  [ts.SyntaxKind.CaretToken]: "xor",
  [ts.SyntaxKind.LessThanLessThanToken]: "shl",
  [ts.SyntaxKind.GreaterThanGreaterThanToken]: "shr",
  [ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken]: "ushr",
};

const compoundOps: Partial<Record<ts.SyntaxKind, ArithOp>> = {
  [ts.SyntaxKind.PlusEqualsToken]: "add",
  [ts.SyntaxKind.MinusEqualsToken]: "sub",
  [ts.SyntaxKind.AsteriskEqualsToken]: "mul",
  [ts.SyntaxKind.SlashEqualsToken]: "div",
  [ts.SyntaxKind.PercentEqualsToken]: "rem",
  [ts.SyntaxKind.AmpersandEqualsToken]: "and",
  [ts.SyntaxKind.BarEqualsToken]: "or",
  [ts.SyntaxKind.CaretEqualsToken]: "xor",
  [ts.SyntaxKind.LessThanLessThanEqualsToken]: "shl",
  [ts.SyntaxKind.GreaterThanGreaterThanEqualsToken]: "shr",
  [ts.SyntaxKind.GreaterThanGreaterThanGreaterThanEqualsToken]: "ushr",
};

const compareOps: Partial<Record<ts.SyntaxKind, CompareOp>> = {
  [ts.SyntaxKind.EqualsEqualsToken]: "eq",
  [ts.SyntaxKind.EqualsEqualsEqualsToken]: "eq",
  [ts.SyntaxKind.ExclamationEqualsToken]: "ne",
  [ts.SyntaxKind.ExclamationEqualsEqualsToken]: "ne",
  [ts.SyntaxKind.LessThanToken]: "lt",
  [ts.SyntaxKind.LessThanEqualsToken]: "le",
  [ts.SyntaxKind.GreaterThanToken]: "gt",
  [ts.SyntaxKind.GreaterThanEqualsToken]: "ge",
};

function isShift(op: ArithOp): boolean {
  return op === "shl" || op === "shr" || op === "ushr";
}

function requireInteger(op: Operand, node: ts.Node, what: string): void {
  if (op.type.kind === "int" || (op.type.kind === "untyped" && !op.isNull)) return;
  if (op.type.kind === "string") failAt(node, Code.unsupported, `${what} on strings is not supported (no run-time string building): print the parts one after another`);
  failAt(node, Code.type, `${what} needs integers, not ${typeName(op.type)}${op.type.kind === "bool" ? " (write i32(b) to use a bool as 0/1)" : ""}`);
}

/** One arithmetic operation with C's conversions, folded when both operands are known. */
export function arith(fx: FunctionContext, op: ArithOp, L: Operand, R: Operand, node: ts.Node): Operand {
  requireInteger(L, node, `'${opText(op)}'`);
  requireInteger(R, node, `'${opText(op)}'`);
  if (L.type.kind === "untyped" && R.type.kind === "untyped") {
    const v = foldArith(op, undefined, L.known!, R.known!);
    if (typeof v === "string") failAt(node, Code.constant, v);
    return untypedConstant(v);
  }
  // The operation's type: shifts take the (promoted) left type; others C's usual arithmetic conversions.
  let t: IntType;
  if (isShift(op)) t = L.type.kind === "int" ? promote(L.type) : (defaultIntType(L.known!) ?? failAt(node, Code.constant, `${L.known} does not fit 32 bits`));
  else if (L.type.kind === "untyped") t = promote(R.type as IntType);
  else if (R.type.kind === "untyped") t = promote(L.type as IntType);
  else t = arithmeticType(L.type as IntType, R.type as IntType);
  const l = convert(fx, L, t, node);
  const r = isShift(op) ? (R.type.kind === "untyped" ? constOperand(U32, BigInt.asUintN(32, R.known!)) : R) : convert(fx, R, t, node);
  if (l.known !== undefined && r.known !== undefined) {
    const v = foldArith(op, t, l.known, r.known);
    if (typeof v === "string") failAt(node, Code.constant, v);
    return constOperand(t, v);
  }
  // Address arithmetic on a static symbol stays a relocation (symbol + constant).
  if ((op === "add" || op === "sub") && l.value.kind === "symbol" && r.known !== undefined) {
    const delta = Number(BigInt.asIntN(32, r.known));
    return { type: t, value: { ...l.value, offset: l.value.offset + (op === "add" ? delta : -delta) } };
  }
  if (op === "add" && r.value.kind === "symbol" && l.known !== undefined) {
    return { type: t, value: { ...r.value, offset: r.value.offset + Number(BigInt.asIntN(32, l.known)) } };
  }
  if ((op === "div" || op === "rem") && r.known === 0n) failAt(node, Code.constant, "division by zero");
  const kind: BinaryOp =
    op === "div" ? (t.signed ? "divs" : "divu") :
    op === "rem" ? (t.signed ? "rems" : "remu") :
    op === "shr" ? (t.signed ? "sar" : "shr") :
    op === "ushr" ? "shr" : op;
  const dst = fx.temp(node);
  fx.code(node).emit({ op: "binary", dst, kind, left: l.value, right: r.value, pos: fx.pos(node) });
  return { type: t, value: { kind: "temp", temp: dst }, range: resultRange(op, t, L, R) };
}

/** Proven bounds of an integer operand: a constant, an earlier proof, or its type's range. */
export function rangeOf(op: Operand): [bigint, bigint] | undefined {
  if (op.type.kind === "untyped" && op.known !== undefined && !op.isNull) return [op.known, op.known];
  if (op.type.kind !== "int") return undefined;
  if (op.known !== undefined) {
    const v = op.type.signed ? BigInt.asIntN(32, op.known) : BigInt.asUintN(32, op.known);
    return [v, v];
  }
  if (op.range) return op.range;
  return [minOf(op.type), maxOf(op.type)];
}

/**
 * Bounds of a result computed from the operands' bounds (interval arithmetic
 * without wrap-around): masks, unsigned remainders, logical right shifts, or
 * and xor of non-negative values, sums and differences that cannot overflow.
 */
function resultRange(op: ArithOp, t: IntType, l: Operand, r: Operand): [bigint, bigint] | undefined {
  const a = rangeOf(l);
  const b = rangeOf(r);
  if (!a || !b) return undefined;
  const within = (lo: bigint, hi: bigint): [bigint, bigint] | undefined => (fits(t, lo) && fits(t, hi) ? [lo, hi] : undefined);
  const bitsOf = (v: bigint): bigint => (1n << BigInt(v.toString(2).length)) - 1n;
  switch (op) {
    case "and":
      if (a[0] >= 0n && b[0] >= 0n) return [0n, a[1] < b[1] ? a[1] : b[1]];
      if (a[0] >= 0n) return [0n, a[1]];
      if (b[0] >= 0n) return [0n, b[1]];
      return undefined;
    case "or":
    case "xor":
      return a[0] >= 0n && b[0] >= 0n ? within(0n, bitsOf(a[1] > b[1] ? a[1] : b[1])) : undefined;
    case "add":
      return within(a[0] + b[0], a[1] + b[1]);
    case "sub":
      return within(a[0] - b[1], a[1] - b[0]);
    case "mul":
      return a[0] >= 0n && b[0] >= 0n ? within(a[0] * b[0], a[1] * b[1]) : undefined;
    case "shl":
      return a[0] >= 0n && b[0] === b[1] && b[0] >= 0n && b[0] < 32n ? within(a[0] << b[0], a[1] << b[0]) : undefined;
    case "rem":
      return !t.signed && b[0] > 0n ? [0n, b[1] - 1n] : undefined;
    case "ushr":
    case "shr":
      if (b[0] !== b[1] || (op === "shr" && t.signed && a[0] < 0n)) return undefined;
      if (a[0] >= 0n) return [a[0] >> (b[0] & 31n), a[1] >> (b[0] & 31n)];
      return (b[0] & 31n) > 0n ? [0n, (1n << (32n - (b[0] & 31n))) - 1n] : undefined;
    default:
      return undefined;
  }
}

function opText(op: ArithOp): string {
  return { add: "+", sub: "-", mul: "*", div: "/", rem: "%", and: "&", or: "|", xor: "^", shl: "<<", shr: ">>", ushr: ">>>" }[op];
}

/** A comparison, ready for a branch or a value: the IR condition and both operands, or a known result. */
export type Comparison = { known: boolean } | { cond: Condition; left: Value; right: Value };

export function compare(fx: FunctionContext, op: CompareOp, L: Operand, R: Operand, node: ts.Node): Comparison {
  const isRef = (o: Operand): boolean => o.type.kind === "class" || o.type.kind === "func" || o.isNull === true;
  if (L.type.kind === "string" || R.type.kind === "string") {
    if (!(L.isNull || R.isNull)) failAt(node, Code.unsupported, "strings cannot be compared with == or <: compare their lengths and bytes (charCodeAt)");
  }
  if (isRef(L) || isRef(R) || L.type.kind === "string" || R.type.kind === "string") {
    if (op !== "eq" && op !== "ne") failAt(node, Code.type, "references can only be compared with == and !=");
    const lt = L.isNull ? R.type : L.type;
    const l = L.isNull ? convert(fx, L, lt, node) : L;
    const r = R.isNull ? convert(fx, R, lt, node) : convert(fx, R, lt, node);
    return { cond: op, left: l.value, right: r.value };
  }
  if (L.type.kind === "bool" || R.type.kind === "bool") {
    if (L.type.kind !== "bool" || R.type.kind !== "bool") failAt(node, Code.type, `cannot compare ${typeName(L.type)} with ${typeName(R.type)}`);
    if (op !== "eq" && op !== "ne") failAt(node, Code.type, "bools can only be compared with == and !=");
    if (L.known !== undefined && R.known !== undefined) return { known: foldCompare(op, L.known, R.known) };
    return { cond: op, left: L.value, right: R.value };
  }
  requireInteger(L, node, "comparison");
  requireInteger(R, node, "comparison");
  if (L.type.kind === "untyped" && R.type.kind === "untyped") return { known: foldCompare(op, L.known!, R.known!) };
  const t = L.type.kind === "untyped" ? promote(R.type as IntType) : R.type.kind === "untyped" ? promote(L.type as IntType) : arithmeticType(L.type as IntType, R.type as IntType);
  const l = convert(fx, L, t, node);
  const r = convert(fx, R, t, node);
  if (l.known !== undefined && r.known !== undefined) {
    const a = t.signed ? BigInt.asIntN(32, l.known) : BigInt.asUintN(32, l.known);
    const b = t.signed ? BigInt.asIntN(32, r.known) : BigInt.asUintN(32, r.known);
    return { known: foldCompare(op, a, b) };
  }
  const cond: Condition = op === "eq" || op === "ne" || t.signed ? op : (({ lt: "ult", le: "ule", gt: "ugt", ge: "uge" }) as const)[op];
  return { cond, left: l.value, right: r.value };
}

function lowerBinary(fx: FunctionContext, e: ts.BinaryExpression): Operand {
  const k = e.operatorToken.kind;
  if (k === ts.SyntaxKind.EqualsToken) return assign(fx, e);
  if (k === ts.SyntaxKind.CommaToken) {
    lowerExpr(fx, e.left);
    return lowerExpr(fx, e.right);
  }
  const compound = compoundOps[k];
  if (compound) return compoundAssign(fx, e, compound);
  if (k === ts.SyntaxKind.AmpersandAmpersandToken || k === ts.SyntaxKind.BarBarToken) return conditionValue(fx, e);
  if (k === ts.SyntaxKind.QuestionQuestionToken || k === ts.SyntaxKind.QuestionQuestionEqualsToken || k === ts.SyntaxKind.BarBarEqualsToken || k === ts.SyntaxKind.AmpersandAmpersandEqualsToken)
    failAt(e.operatorToken, Code.unsupported, `'${e.operatorToken.getText()}' is not supported: write the test with if`);
  const a = arithOps[k];
  if (a) {
    const L = stabilize(fx, lowerExpr(fx, e.left), [e.right], e);
    const R = lowerExpr(fx, e.right);
    // Literal + literal is one literal, made at compile time (run-time string building is not supported).
    if (a === "add" && L.literal !== undefined && R.literal !== undefined) return stringConstant(fx, L.literal + R.literal, e);
    return arith(fx, a, L, R, e);
  }
  if (compareOps[k]) return conditionValue(fx, e);
  failAt(e.operatorToken, Code.unsupported, `operator '${e.operatorToken.getText()}' is not supported`);
}

function assign(fx: FunctionContext, e: ts.BinaryExpression): Operand {
  const place = placeOf(fx, e.left);
  checkMutable(place, e.left);
  const v = convert(fx, lowerExpr(fx, e.right), placeType(place), e.right);
  writePlace(fx, place, v, e);
  return place.kind === "local" ? readBinding(fx, place.binding, e) : v;
}

function compoundAssign(fx: FunctionContext, e: ts.BinaryExpression, op: ArithOp): Operand {
  const place = placeOf(fx, e.left);
  checkMutable(place, e.left);
  const current = stabilize(fx, readPlace(fx, place, e.left), [e.right], e);
  const R = lowerExpr(fx, e.right);
  const t = placeType(place);
  if (t.kind !== "int") failAt(e, Code.type, `'${e.operatorToken.getText()}' needs an integer variable, not ${typeName(t)}`);
  const result = convert(fx, arith(fx, op, current, R, e), t, e, "cast"); // compound assignment wraps into the variable's type, as in C
  writePlace(fx, place, result, e);
  return result;
}

/** ++x, --x (prefix: the new value) and x++, x-- (postfix: the old value). Wraps in the variable's type. */
function increment(fx: FunctionContext, target: ts.Expression, op: "add" | "sub", prefix: boolean, node: ts.Node): Operand {
  const place = placeOf(fx, target);
  checkMutable(place, target);
  const t = placeType(place);
  if (t.kind !== "int") failAt(node, Code.type, `++ and -- need an integer variable, not ${typeName(t)}`);
  let old = readPlace(fx, place, node);
  if (!prefix && place.kind === "local") {
    const copy = fx.temp(node);
    fx.code(node).emit({ op: "copy", dst: copy, src: old.value, pos: fx.pos(node) });
    old = { type: t, value: { kind: "temp", temp: copy } };
  }
  const result = convert(fx, arith(fx, op, old, untypedConstant(1n), node), t, node, "cast");
  writePlace(fx, place, result, node);
  return prefix ? result : old;
}

function lowerPrefix(fx: FunctionContext, e: ts.PrefixUnaryExpression): Operand {
  switch (e.operator) {
    case ts.SyntaxKind.PlusPlusToken:
      return increment(fx, e.operand, "add", true, e);
    case ts.SyntaxKind.MinusMinusToken:
      return increment(fx, e.operand, "sub", true, e);
    case ts.SyntaxKind.ExclamationToken:
      return conditionValue(fx, e);
    case ts.SyntaxKind.PlusToken: {
      const v = lowerExpr(fx, e.operand);
      requireInteger(v, e, "unary +");
      return v;
    }
    case ts.SyntaxKind.MinusToken:
    case ts.SyntaxKind.TildeToken: {
      const v = lowerExpr(fx, e.operand);
      const neg = e.operator === ts.SyntaxKind.MinusToken;
      requireInteger(v, e, neg ? "unary -" : "~");
      if (v.type.kind === "untyped") return untypedConstant(neg ? foldNeg(undefined, v.known!) : foldNot(undefined, v.known!));
      const t = promote(v.type as IntType);
      if (v.known !== undefined) return constOperand(t, neg ? foldNeg(t, v.known) : foldNot(t, v.known));
      const dst = fx.temp(e);
      fx.code(e).emit({ op: "unary", dst, kind: neg ? "neg" : "not", src: v.value, pos: fx.pos(e) });
      return { type: t, value: { kind: "temp", temp: dst } };
    }
  }
}

// ---------------------------------------------------------------- conditions

export function unparen(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  return e;
}

/** Evaluates `e` as a condition: a known result, or code that branches. Ints and references test != 0. */
export function branchOn(fx: FunctionContext, e: ts.Expression, ifTrue: OpenBlock, ifFalse: OpenBlock): void {
  const known = knownCondition(fx, e);
  const b = fx.code(e);
  const pos = fx.pos(e);
  if (known !== undefined) {
    b.jumpTo(known ? ifTrue : ifFalse, pos);
    return;
  }
  e = unparen(e);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) return branchOn(fx, e.operand, ifFalse, ifTrue);
  if (ts.isBinaryExpression(e)) {
    const k = e.operatorToken.kind;
    if (k === ts.SyntaxKind.AmpersandAmpersandToken || k === ts.SyntaxKind.BarBarToken) {
      const mid = b.newBlock();
      if (k === ts.SyntaxKind.AmpersandAmpersandToken) branchOn(fx, e.left, mid, ifFalse);
      else branchOn(fx, e.left, ifTrue, mid);
      b.setBlock(mid);
      branchOn(fx, e.right, ifTrue, ifFalse);
      return;
    }
    const cop = compareOps[k];
    if (cop) {
      const L = stabilize(fx, lowerExpr(fx, e.left), [e.right], e);
      const c = compare(fx, cop, L, lowerExpr(fx, e.right), e);
      if ("known" in c) b.jumpTo(c.known ? ifTrue : ifFalse, pos);
      else b.terminate({ op: "branchCompare", cond: c.cond, left: c.left, right: c.right, ifTrue: ifTrue.id, ifFalse: ifFalse.id, pos });
      return;
    }
  }
  const v = lowerExpr(fx, e);
  testable(v, e);
  if (v.known !== undefined) b.jumpTo(v.known !== 0n ? ifTrue : ifFalse, pos);
  else b.terminate({ op: "branch", cond: v.value, ifTrue: ifTrue.id, ifFalse: ifFalse.id, pos });
}

function testable(v: Operand, e: ts.Node): void {
  if (v.type.kind === "void" || v.type.kind === "never" || v.type.kind === "string" || v.type.kind === "array")
    failAt(e, Code.type, `a ${typeName(v.type)} cannot be used as a condition`);
}

/** The value of a condition when it is a compile-time constant (--define switches, constant comparisons), without emitting code. */
export function knownCondition(fx: FunctionContext, e: ts.Expression): boolean | undefined {
  e = unparen(e);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) {
    const v = knownCondition(fx, e.operand);
    return v === undefined ? undefined : !v;
  }
  if (ts.isBinaryExpression(e)) {
    const k = e.operatorToken.kind;
    if (k === ts.SyntaxKind.AmpersandAmpersandToken || k === ts.SyntaxKind.BarBarToken) {
      const l = knownCondition(fx, e.left);
      const and = k === ts.SyntaxKind.AmpersandAmpersandToken;
      if (l === undefined) return undefined;
      if (and && !l) return false;
      if (!and && l) return true;
      return knownCondition(fx, e.right);
    }
  }
  if (!isPure(e)) return undefined;
  const probe = probeConstant(fx, e);
  if (probe?.known === undefined) return undefined;
  return probe.known !== 0n;
}

/** Evaluates `e` without emitting code; undefined when it needs code (or is wrong: lowering reports that). */
export function probeConstant(fx: FunctionContext, e: ts.Expression): Operand | undefined {
  const probe = new FunctionContext(fx.ctx, undefined, VOID, fx.thisOperand);
  for (const [k, v] of fx.locals) probe.locals.set(k, v);
  try {
    return lowerExpr(probe, e);
  } catch (err) {
    if (err instanceof FrontendError) return undefined;
    throw err;
  }
}

/** Syntactically free of calls, assignments and memory reads other than named constants (safe to evaluate twice). */
function isPure(e: ts.Node): boolean {
  let pure = true;
  const visit = (n: ts.Node): void => {
    if (!pure) return;
    if (ts.isCallExpression(n) || ts.isElementAccessExpression(n) || ts.isPostfixUnaryExpression(n) || (ts.isPrefixUnaryExpression(n) && (n.operator === ts.SyntaxKind.PlusPlusToken || n.operator === ts.SyntaxKind.MinusMinusToken))) pure = false;
    else if (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment) pure = false;
    else ts.forEachChild(n, visit);
  };
  visit(e);
  return pure;
}

/** A condition used as a value (comparisons, &&, ||, !): a bool 0/1. */
function conditionValue(fx: FunctionContext, e: ts.Expression): Operand {
  const inner = unparen(e);
  // knownCondition probes comparisons by lowering them in constant mode, which comes back here: only recurse structurally then.
  const structural = (ts.isBinaryExpression(inner) && (inner.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || inner.operatorToken.kind === ts.SyntaxKind.BarBarToken)) || ts.isPrefixUnaryExpression(inner);
  if (!fx.isConstantMode || structural) {
    const known = knownCondition(fx, e);
    if (known !== undefined) return constOperand(BOOL, known ? 1n : 0n);
  }
  if (ts.isBinaryExpression(inner)) {
    const cop = compareOps[inner.operatorToken.kind];
    if (cop) {
      const L = stabilize(fx, lowerExpr(fx, inner.left), [inner.right], e);
      const c = compare(fx, cop, L, lowerExpr(fx, inner.right), e);
      if ("known" in c) return constOperand(BOOL, c.known ? 1n : 0n);
      const dst = fx.temp(e);
      fx.code(e).emit({ op: "compare", dst, cond: c.cond, left: c.left, right: c.right, pos: fx.pos(e) });
      return { type: BOOL, value: { kind: "temp", temp: dst } };
    }
  }
  if (ts.isPrefixUnaryExpression(inner) && inner.operator === ts.SyntaxKind.ExclamationToken) {
    const un = unparen(inner.operand);
    if (!ts.isBinaryExpression(un) && !ts.isPrefixUnaryExpression(un)) {
      const v = lowerExpr(fx, inner.operand);
      testable(v, inner.operand);
      const dst = fx.temp(e);
      fx.code(e).emit({ op: "compare", dst, cond: "eq", left: v.value, right: { kind: "const", value: 0 }, pos: fx.pos(e) });
      return { type: BOOL, value: { kind: "temp", temp: dst } };
    }
  }
  const b = fx.code(e);
  const pos = fx.pos(e);
  const dst = b.newTemp();
  const t = b.newBlock();
  const f = b.newBlock();
  const join = b.newBlock();
  branchOn(fx, e, t, f);
  b.setBlock(t);
  b.emit({ op: "copy", dst, src: { kind: "const", value: 1 }, pos });
  b.jumpTo(join, pos);
  b.setBlock(f);
  b.emit({ op: "copy", dst, src: { kind: "const", value: 0 }, pos });
  b.jumpTo(join, pos);
  b.setBlock(join);
  return { type: BOOL, value: { kind: "temp", temp: dst } };
}

function lowerConditional(fx: FunctionContext, e: ts.ConditionalExpression): Operand {
  const known = knownCondition(fx, e.condition);
  if (known !== undefined) return lowerExpr(fx, known ? e.whenTrue : e.whenFalse);
  const b = fx.code(e);
  const pos = fx.pos(e);
  const t = b.newBlock();
  const f = b.newBlock();
  const join = b.newBlock();
  branchOn(fx, e.condition, t, f);
  b.setBlock(t);
  const A = lowerExpr(fx, e.whenTrue);
  const tEnd = b.block;
  b.setBlock(f);
  const B = lowerExpr(fx, e.whenFalse);
  const fEnd = b.block;
  const type = unifyTypes(A, B, e);
  const dst = b.newTemp();
  const arms = [A, B].map((o) => (o.known !== undefined && type.kind === "int" ? (type.signed ? BigInt.asIntN(32, o.known) : BigInt.asUintN(32, o.known)) : undefined));
  const range: [bigint, bigint] | undefined =
    arms[0] !== undefined && arms[1] !== undefined ? [arms[0] < arms[1] ? arms[0] : arms[1], arms[0] < arms[1] ? arms[1] : arms[0]] : undefined;
  for (const [op, end, node] of [[A, tEnd, e.whenTrue], [B, fEnd, e.whenFalse]] as const) {
    b.setBlock(end);
    const v = convert(fx, op, type, node);
    b.emit({ op: "copy", dst, src: v.value, pos });
    b.jumpTo(join, pos);
  }
  b.setBlock(join);
  return { type, value: { kind: "temp", temp: dst }, range };
}

/** The type of `c ? a : b`: the common type (C's usual arithmetic conversions for integers). */
function unifyTypes(A: Operand, B: Operand, node: ts.Node): Type {
  if (A.isNull && B.type.kind !== "untyped") return B.type;
  if (B.isNull && A.type.kind !== "untyped") return A.type;
  if (A.type.kind === "untyped" && B.type.kind === "untyped") {
    return defaultIntType(A.known!) && defaultIntType(B.known!) ? arithmeticType(defaultIntType(A.known!)!, defaultIntType(B.known!)!) : failAt(node, Code.constant, "constant does not fit 32 bits");
  }
  if (A.type.kind === "untyped" && B.type.kind === "int") return B.type;
  if (B.type.kind === "untyped" && A.type.kind === "int") return A.type;
  if (A.type.kind === "int" && B.type.kind === "int") return sameType(A.type, B.type) ? A.type : arithmeticType(A.type, B.type);
  if (sameType(A.type, B.type)) return A.type;
  failAt(node, Code.type, `the two arms of ?: have different types: ${typeName(A.type)} and ${typeName(B.type)}`);
}

// ---------------------------------------------------------------- constant evaluation of initialisers

/** Module-level initialisers: lowered with no builder, so anything that needs code is an error. */
export function evaluateModuleConstant(ctx: ProgramContext, expr: ts.Expression, expected: Type | undefined): Operand {
  const fx = new FunctionContext(ctx, undefined, VOID);
  const v = lowerExpr(fx, expr);
  return expected ? convert(fx, v, expected, expr) : v;
}
