// Stage 3c: statements → IR blocks. Constant conditions (--define switches)
// lower only the branch taken. Counted `for` loops over an array's length are
// recognised here so that indexing by the loop variable needs no bounds check.

import ts from "typescript";
import type { Binding, Operand } from "./context.js";
import { concreteType } from "./context.js";
import { Code, failAt } from "./errors.js";
import type { FunctionContext, JumpTarget } from "./function-context.js";
import type { OpenBlock } from "./builder.js";
import { branchOn, constOperand, convert, knownCondition, lowerExpr, materialize, probeConstant, unparen } from "./expressions.js";
import { maxOf } from "./integers.js";
import type { IntType } from "./types.js";
import { typeName } from "./types.js";

export function lowerStatement(fx: FunctionContext, s: ts.Statement, labels: string[] = []): void {
  switch (s.kind) {
    case ts.SyntaxKind.Block:
      for (const inner of (s as ts.Block).statements) lowerStatement(fx, inner);
      return;
    case ts.SyntaxKind.EmptyStatement:
      return;
    case ts.SyntaxKind.VariableStatement:
      return lowerDeclarations(fx, (s as ts.VariableStatement).declarationList);
    case ts.SyntaxKind.ExpressionStatement:
      lowerExpr(fx, (s as ts.ExpressionStatement).expression);
      return;
    case ts.SyntaxKind.IfStatement:
      return lowerIf(fx, s as ts.IfStatement);
    case ts.SyntaxKind.WhileStatement:
      return lowerWhile(fx, s as ts.WhileStatement, labels);
    case ts.SyntaxKind.DoStatement:
      return lowerDo(fx, s as ts.DoStatement, labels);
    case ts.SyntaxKind.ForStatement:
      return lowerFor(fx, s as ts.ForStatement, labels);
    case ts.SyntaxKind.LabeledStatement: {
      const l = s as ts.LabeledStatement;
      return lowerStatement(fx, l.statement, [...labels, l.label.text]);
    }
    case ts.SyntaxKind.BreakStatement:
    case ts.SyntaxKind.ContinueStatement:
      return lowerJump(fx, s as ts.BreakOrContinueStatement);
    case ts.SyntaxKind.ReturnStatement:
      return lowerReturn(fx, s as ts.ReturnStatement);
    case ts.SyntaxKind.SwitchStatement:
      return lowerSwitch(fx, s as ts.SwitchStatement, labels);
    default:
      failAt(s, Code.unsupported, `this statement (${ts.SyntaxKind[s.kind]}) is not supported`);
  }
}

// ---------------------------------------------------------------- declarations

function lowerDeclarations(fx: FunctionContext, list: ts.VariableDeclarationList): void {
  const isConst = (list.flags & ts.NodeFlags.Const) !== 0;
  for (const d of list.declarations) {
    if (!ts.isIdentifier(d.name)) failAt(d.name, Code.unsupported, "destructuring is not supported: declare one variable per value");
    const name = d.name.text;
    const sym = fx.ctx.symbolAt(d.name);
    if (!sym) failAt(d.name, Code.declaration, `cannot declare '${name}'`);
    const declared = d.type ? fx.ctx.valueType(d.type, `'${name}'`) : undefined;
    let init: Operand | undefined = d.initializer ? lowerExpr(fx, d.initializer) : undefined;
    if (init && (init.type.kind === "void" || init.type.kind === "never")) failAt(d.initializer!, Code.type, `'${name}' cannot hold a ${typeName(init.type)} value`);
    if (init && declared) init = convert(fx, init, declared, d.initializer!);
    // A const whose value is known at compile time is a named constant: it folds and takes no register.
    if (isConst && init && (init.known !== undefined || init.value.kind === "symbol") && !init.local) {
      fx.locals.set(sym, { kind: "constant", operand: init });
      continue;
    }
    const type = declared ?? (init ? concreteType(init, d) : undefined);
    if (!type) failAt(d, Code.declaration, `'${name}' needs a type annotation or an initialiser, e.g. \`let ${name}: u32 = 0\``);
    const b = fx.code(d);
    const temp = b.newTemp(name);
    const value = init ? convert(fx, init, type, d.initializer!).value : { kind: "const" as const, value: 0 };
    b.emit({ op: "copy", dst: temp, src: value, pos: fx.pos(d) });
    const binding: Binding = { kind: "local", temp, type, mutable: !isConst, name };
    fx.locals.set(sym, binding);
  }
}

// ---------------------------------------------------------------- control flow

function lowerIf(fx: FunctionContext, s: ts.IfStatement): void {
  const known = knownCondition(fx, s.expression);
  if (known !== undefined) {
    // Dead branches (--define switches, constant tests) are not compiled at all.
    if (known) lowerStatement(fx, s.thenStatement);
    else if (s.elseStatement) lowerStatement(fx, s.elseStatement);
    return;
  }
  const b = fx.code(s);
  const then = b.newBlock();
  const join = b.newBlock();
  const otherwise = s.elseStatement ? b.newBlock() : join;
  branchOn(fx, s.expression, then, otherwise);
  b.setBlock(then);
  lowerStatement(fx, s.thenStatement);
  b.jumpTo(join, fx.pos(s));
  if (s.elseStatement) {
    b.setBlock(otherwise);
    lowerStatement(fx, s.elseStatement);
    b.jumpTo(join, fx.pos(s));
  }
  b.setBlock(join);
}

function withTarget(fx: FunctionContext, target: JumpTarget, body: () => void): void {
  fx.targets.push(target);
  try {
    body();
  } finally {
    fx.targets.pop();
  }
}

function lowerWhile(fx: FunctionContext, s: ts.WhileStatement, labels: string[]): void {
  const b = fx.code(s);
  const head = b.newBlock();
  const body = b.newBlock();
  const exit = b.newBlock();
  b.jumpTo(head, fx.pos(s));
  b.setBlock(head);
  branchOn(fx, s.expression, body, exit);
  b.setBlock(body);
  withTarget(fx, { labels, breakTo: exit, continueTo: head }, () => lowerStatement(fx, s.statement));
  b.jumpTo(head, fx.pos(s));
  b.setBlock(exit);
}

function lowerDo(fx: FunctionContext, s: ts.DoStatement, labels: string[]): void {
  const b = fx.code(s);
  const body = b.newBlock();
  const test = b.newBlock();
  const exit = b.newBlock();
  b.jumpTo(body, fx.pos(s));
  b.setBlock(body);
  withTarget(fx, { labels, breakTo: exit, continueTo: test }, () => lowerStatement(fx, s.statement));
  b.jumpTo(test, fx.pos(s));
  b.setBlock(test);
  branchOn(fx, s.expression, body, exit);
  b.setBlock(exit);
}

function lowerFor(fx: FunctionContext, s: ts.ForStatement, labels: string[]): void {
  const b = fx.code(s);
  if (s.initializer) {
    if (ts.isVariableDeclarationList(s.initializer)) lowerDeclarations(fx, s.initializer);
    else lowerExpr(fx, s.initializer);
  }
  const head = b.newBlock();
  const body = b.newBlock();
  const step = b.newBlock();
  const exit = b.newBlock();
  b.jumpTo(head, fx.pos(s));
  b.setBlock(head);
  if (s.condition) branchOn(fx, s.condition, body, exit);
  else b.jumpTo(body, fx.pos(s));
  b.setBlock(body);
  const counted = countedLoop(fx, s);
  const overString = counted ? undefined : stringLoop(fx, s);
  if (counted) {
    fx.proven.set(counted.variable, counted.bound);
    counted.binding.range = [counted.start, counted.bound - 1n]; // reads of i in the body carry its range
  }
  if (overString) fx.provenForString.set(overString.variable, overString.string);
  try {
    withTarget(fx, { labels, breakTo: exit, continueTo: step }, () => lowerStatement(fx, s.statement));
  } finally {
    if (counted) {
      fx.proven.delete(counted.variable);
      delete counted.binding.range;
    }
    if (overString) fx.provenForString.delete(overString.variable);
  }
  b.jumpTo(step, fx.pos(s));
  b.setBlock(step);
  if (s.incrementor) lowerExpr(fx, s.incrementor);
  b.jumpTo(head, fx.pos(s));
  b.setBlock(exit);
}

/**
 * `for (let i = C; i < N; i++)` (or `i <= N`, `++i`, `i += k`) with constant
 * C >= 0, constant N (an array's .length is constant) and k > 0, where the body
 * never assigns i: inside the body 0 <= i < bound, so `a[i]` needs no check when
 * bound <= a.length. A signed i must not be able to overflow on its last step.
 */
function countedLoop(fx: FunctionContext, s: ts.ForStatement): { variable: ts.Symbol; binding: Extract<Binding, { kind: "local" }>; start: bigint; bound: bigint } | undefined {
  const init = s.initializer;
  if (!init || !ts.isVariableDeclarationList(init) || init.declarations.length !== 1) return undefined;
  const decl = init.declarations[0]!;
  if (!ts.isIdentifier(decl.name) || !s.condition || !s.incrementor) return undefined;
  const sym = fx.ctx.symbolAt(decl.name);
  const binding = sym ? fx.locals.get(sym) : undefined;
  if (!sym || binding?.kind !== "local" || binding.type.kind !== "int") return undefined;
  const type = binding.type as IntType;
  const start = decl.initializer ? constantOf(fx, decl.initializer) : undefined;
  if (start === undefined || start < 0n) return undefined;
  const cond = unparen(s.condition);
  if (!ts.isBinaryExpression(cond) || !isVariable(fx, cond.left, sym)) return undefined;
  const limit = constantOf(fx, cond.right);
  if (limit === undefined) return undefined;
  let bound: bigint;
  if (cond.operatorToken.kind === ts.SyntaxKind.LessThanToken) bound = limit;
  else if (cond.operatorToken.kind === ts.SyntaxKind.LessThanEqualsToken) bound = limit + 1n;
  else return undefined;
  const stepBy = stepOf(fx, s.incrementor, sym);
  if (stepBy === undefined || stepBy <= 0n) return undefined;
  if (type.signed && bound - 1n + stepBy > maxOf(type)) return undefined;
  if (assigns(fx, s.statement, sym) || start >= bound) return undefined;
  return { variable: sym, binding, start, bound };
}

/**
 * `for (let i = C; i < s.length; i++)` over a string variable `s` (a local or
 * parameter) that neither the body nor the step assigns, with constant C >= 0
 * and step 1: inside the body 0 <= i < s.length, so `s.charCodeAt(i)` needs no
 * check (strings are immutable; a length fits i32, so i + 1 cannot overflow).
 */
function stringLoop(fx: FunctionContext, s: ts.ForStatement): { variable: ts.Symbol; string: ts.Symbol } | undefined {
  const init = s.initializer;
  if (!init || !ts.isVariableDeclarationList(init) || init.declarations.length !== 1 || !s.condition || !s.incrementor) return undefined;
  const decl = init.declarations[0]!;
  if (!ts.isIdentifier(decl.name)) return undefined;
  const sym = fx.ctx.symbolAt(decl.name);
  const binding = sym ? fx.locals.get(sym) : undefined;
  if (!sym || binding?.kind !== "local" || binding.type.kind !== "int" || binding.type.width !== 4) return undefined;
  const start = decl.initializer ? constantOf(fx, decl.initializer) : undefined;
  if (start === undefined || start < 0n) return undefined;
  const cond = unparen(s.condition);
  if (!ts.isBinaryExpression(cond) || cond.operatorToken.kind !== ts.SyntaxKind.LessThanToken || !isVariable(fx, cond.left, sym)) return undefined;
  const len = unparen(cond.right);
  if (!ts.isPropertyAccessExpression(len) || len.name.text !== "length" || !ts.isIdentifier(len.expression)) return undefined;
  const strSym = fx.ctx.symbolAt(len.expression);
  const str = strSym ? fx.locals.get(strSym) : undefined;
  if (!strSym || str?.kind !== "local" || str.type.kind !== "string") return undefined;
  if (stepOf(fx, s.incrementor, sym) !== 1n) return undefined;
  if (assigns(fx, s.statement, sym) || assigns(fx, s.statement, strSym) || assigns(fx, s.incrementor, strSym)) return undefined;
  return { variable: sym, string: strSym };
}

function isVariable(fx: FunctionContext, e: ts.Expression, sym: ts.Symbol): boolean {
  e = unparen(e);
  return ts.isIdentifier(e) && fx.ctx.symbolAt(e) === sym;
}

/** The value of a side-effect-free constant expression (probed without emitting code), or undefined. */
function constantOf(fx: FunctionContext, e: ts.Expression): bigint | undefined {
  const v = probeConstant(fx, e);
  return v && (v.type.kind === "int" || v.type.kind === "untyped") ? v.known : undefined;
}

/** The increment of `i++`, `++i`, `i += k`, `i = i + k`; undefined for anything else. */
function stepOf(fx: FunctionContext, inc: ts.Expression, sym: ts.Symbol): bigint | undefined {
  inc = unparen(inc);
  if ((ts.isPostfixUnaryExpression(inc) || ts.isPrefixUnaryExpression(inc)) && inc.operator === ts.SyntaxKind.PlusPlusToken && isVariable(fx, inc.operand, sym)) return 1n;
  if (ts.isBinaryExpression(inc) && isVariable(fx, inc.left, sym)) {
    if (inc.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken) return constantOf(fx, inc.right);
    const r = unparen(inc.right);
    if (inc.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isBinaryExpression(r) && r.operatorToken.kind === ts.SyntaxKind.PlusToken && isVariable(fx, r.left, sym))
      return constantOf(fx, r.right);
  }
  return undefined;
}

/** Does `node` assign to the variable `sym` (=, op=, ++, --)? */
function assigns(fx: FunctionContext, node: ts.Node, sym: ts.Symbol): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment && isVariable(fx, n.left, sym)) found = true;
    else if ((ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) && (n.operator === ts.SyntaxKind.PlusPlusToken || n.operator === ts.SyntaxKind.MinusMinusToken) && isVariable(fx, n.operand, sym)) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

function lowerJump(fx: FunctionContext, s: ts.BreakOrContinueStatement): void {
  const isBreak = s.kind === ts.SyntaxKind.BreakStatement;
  const label = s.label?.text;
  for (let i = fx.targets.length - 1; i >= 0; i--) {
    const t = fx.targets[i]!;
    if (label !== undefined && !t.labels.includes(label)) continue;
    if (!isBreak && !t.continueTo) {
      if (label !== undefined) failAt(s, Code.unsupported, `continue ${label}: the label is not on a loop`);
      continue; // continue passes through a switch to the enclosing loop
    }
    fx.code(s).jumpTo(isBreak ? t.breakTo : t.continueTo!, fx.pos(s));
    return;
  }
  failAt(s, Code.unsupported, `${isBreak ? "break" : "continue"} outside a ${isBreak ? "loop or switch" : "loop"}${label ? ` labelled ${label}` : ""}`);
}

function lowerReturn(fx: FunctionContext, s: ts.ReturnStatement): void {
  const pos = fx.pos(s);
  if (!s.expression) {
    if (fx.returnType.kind !== "void") failAt(s, Code.type, `this function returns ${typeName(fx.returnType)}: return a value`);
    fx.code(s).terminate({ op: "return", pos });
    return;
  }
  const v = lowerExpr(fx, s.expression);
  if (fx.returnType.kind === "void" || fx.returnType.kind === "never") {
    if (v.type.kind !== "void" && v.type.kind !== "never") failAt(s.expression, Code.type, `a ${typeName(fx.returnType)} function returns no value`);
    fx.code(s).terminate({ op: "return", pos });
    return;
  }
  const r = convert(fx, v, fx.returnType, s.expression);
  fx.code(s).terminate({ op: "return", value: r.value, pos });
}

// ---------------------------------------------------------------- switch

function lowerSwitch(fx: FunctionContext, s: ts.SwitchStatement, labels: string[]): void {
  const b = fx.code(s);
  const pos = fx.pos(s);
  const disc = materialize(fx, lowerExpr(fx, s.expression), s.expression);
  if (disc.type.kind !== "int" && disc.type.kind !== "bool") failAt(s.expression, Code.type, `switch needs an integer, not ${typeName(disc.type)}`);
  const exit = b.newBlock();
  const clauses = s.caseBlock.clauses.map((c) => ({ clause: c, block: b.newBlock() }));
  const cases: { value: bigint; block: OpenBlock }[] = [];
  let otherwise: OpenBlock = exit;
  const seen = new Set<bigint>();
  for (const { clause, block } of clauses) {
    if (ts.isDefaultClause(clause)) {
      otherwise = block;
      continue;
    }
    const v = convert(fx, probeConstant(fx, clause.expression) ?? failAt(clause.expression, Code.constant, "case labels must be constants (literals, constants, enum members)"), disc.type, clause.expression);
    if (v.known === undefined) failAt(clause.expression, Code.constant, "case labels must be constants (literals, constants, enum members)");
    const value = disc.type.kind === "int" && disc.type.signed ? BigInt.asIntN(32, v.known) : BigInt.asUintN(32, v.known);
    if (seen.has(value)) failAt(clause.expression, Code.constant, `duplicate case ${value}`);
    seen.add(value);
    cases.push({ value, block });
  }
  dispatch(fx, s, disc, cases, otherwise);
  withTarget(fx, { labels, breakTo: exit }, () => {
    clauses.forEach(({ clause, block }, i) => {
      b.jumpTo(block, pos); // fall through from the previous clause
      b.setBlock(block);
      for (const st of clause.statements) lowerStatement(fx, st);
      if (i === clauses.length - 1) b.jumpTo(exit, pos);
    });
  });
  b.setBlock(exit);
}

/** A jump table (IR switch) for dense cases, a chain of compares otherwise. */
function dispatch(fx: FunctionContext, s: ts.SwitchStatement, disc: Operand, cases: { value: bigint; block: OpenBlock }[], otherwise: OpenBlock): void {
  const b = fx.code(s);
  const pos = fx.pos(s);
  if (disc.known !== undefined) {
    const k = disc.type.kind === "int" && disc.type.signed ? BigInt.asIntN(32, disc.known) : BigInt.asUintN(32, disc.known);
    b.jumpTo(cases.find((c) => c.value === k)?.block ?? otherwise, pos);
    return;
  }
  const values = cases.map((c) => c.value);
  const low = values.length > 0 ? values.reduce((a, v) => (v < a ? v : a)) : 0n;
  const high = values.length > 0 ? values.reduce((a, v) => (v > a ? v : a)) : 0n;
  const span = high - low + 1n;
  if (cases.length >= 4 && span <= BigInt(cases.length) * 3n && span <= 1024n) {
    const targets = Array.from({ length: Number(span) }, () => otherwise.id);
    for (const c of cases) targets[Number(c.value - low)] = c.block.id;
    b.terminate({ op: "switch", value: disc.value, low: Number(BigInt.asIntN(32, low)), targets, otherwise: otherwise.id, pos });
    return;
  }
  for (const c of cases) {
    const next = b.newBlock();
    b.terminate({ op: "branchCompare", cond: "eq", left: disc.value, right: constOperand(disc.type, c.value).value, ifTrue: c.block.id, ifFalse: next.id, pos });
    b.setBlock(next);
  }
  b.jumpTo(otherwise, pos);
}
