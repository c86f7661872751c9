// Stage 2: the subset check. Walks every source file of the program and reports
// each TypeScript construct that ts386 does not compile, at its location, with
// what to write instead. Lowering only starts on a program this pass accepts,
// so lowering may assume the syntax it sees is in the subset.

import ts from "typescript";
import type { Diagnostic } from "../../common/diagnostics.js";
import { Code, diagnosticAt } from "./errors.js";

// The TypeScript namespace exposes its members through getters: hoist the enum this hot loop reads.
const SK = ts.SyntaxKind;

export const messages = {
  closure: "closures are not supported: move the function to module level and pass state through a module-level variable",
  nestedFunction: "nested functions are not supported: move the function to module level and pass state through parameters or a module-level variable",
  exceptions: "exceptions are not supported: return an error code, or call a function returning `never` that panics",
  async: "async functions and await are not supported: write a synchronous function (poll, or use an interrupt handler)",
  generator: "generators are not supported: write an explicit state machine in an @unmanaged class or module-level variables",
  forInOf: "for...in and for...of are not supported: write a counted loop `for (let i = 0; i < a.length; i++)`",
  objectLiteral: "object literals are not supported: declare an @unmanaged class and a module-level instance `const x = new S()`",
  arrayLiteral: "array literals are not supported: declare `const a = new StaticArray<T>(n)` at module level and fill it in a function",
  template: "template literals are not supported (no run-time strings): print the parts one after another",
  float: "floating-point numbers are not supported: use integer types (scaled integers for fractions)",
  bigint: "bigint literals are not supported: use i32/u32 (or two u32 halves)",
  optionalChain: "optional chaining is not supported: compare the reference with null first",
  delete: "delete is not supported: there is no heap; clear the field or array element instead",
  spread: "spread is not supported: pass the arguments one by one",
  typeofRuntime: "typeof at run time is not supported: types are known at compile time",
  instanceof: "instanceof is not supported: there is no run-time type information; keep a tag field in the class",
  inOperator: "the `in` operator is not supported: there are no run-time objects with properties",
  inheritance: "class inheritance is not supported: compose by putting the fields in one @unmanaged class",
  notUnmanaged: "classes must be decorated with @unmanaged (C layout, no header; static instances or changetype views)",
  classExpression: "class expressions are not supported: declare an @unmanaged class at module level",
  heapNew: "heap allocation is not supported: declare the object at module level (`const x = new S()`) or view memory with changetype<S>(addr)",
  constructor: "constructors are not supported: instances start zeroed; write an init method or function",
  fieldInitializer: "field initialisers are not supported: instances start zeroed; assign the field in an init function",
  accessor: "getters and setters are not supported: write a method",
  staticField: "static fields are not supported: use a module-level variable",
  var: "var is not supported: use let or const",
  destructuring: "destructuring is not supported: declare one variable per value",
  topLevelStatement: "statements at module level are not supported: module-level code is declarations only; put the statement in a function (an init function called from main)",
  asExpression: "`as` does not convert values: use a cast such as u32(x), or changetype<T>(addr) for unmanaged views",
  satisfies: "`satisfies` is not supported: annotate the declaration with its type",
  voidOperator: "the void operator is not supported: evaluate the expression as a statement",
  exponent: "the ** operator is not supported (it is floating-point in TypeScript): multiply in a loop or shift",
  namespace: "namespaces are not supported: use a module (a file) and import it",
  exportDefault: "default exports are not supported: use named exports",
  importRequire: "import = require is not supported: use an ES import",
  undefinedValue: "undefined is not a value in ts386: use 0 (or null for references)",
  regex: "regular expressions are not supported: scan the bytes with charCodeAt",
  label: "labels are only supported on loops: put the label on a for, while or do loop",
  optionalParam: "optional and default parameters are not supported: declare the parameter and pass every argument",
  restParam: "rest parameters are not supported: pass the arguments one by one",
  overload: "function overloads are not supported: give each signature its own function name",
  decorator: "only the @unmanaged and @packed decorators are supported",
  debugger: "debugger statements are not supported: use int3() to trap into a debugger",
  with: "with statements are not supported",
  super: "super is not supported: there is no class inheritance",
  privateName: "#private names are not supported: use plain fields",
  abstract: "abstract classes are not supported: use @unmanaged classes",
  staticBlock: "static blocks are not supported: put the code in an init function",
  memberName: "class member names must be plain identifiers (they become field offsets and symbol names)",
} as const;

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);
}

function decoratorName(d: ts.Decorator): string | undefined {
  const e = d.expression;
  return ts.isIdentifier(e) ? e.text : undefined;
}

export function isUnmanagedClass(node: ts.ClassDeclaration): boolean {
  return (ts.getDecorators(node) ?? []).some((d) => decoratorName(d) === "unmanaged");
}

export function isPackedClass(node: ts.ClassDeclaration): boolean {
  return (ts.getDecorators(node) ?? []).some((d) => decoratorName(d) === "packed");
}

/** Is this numeric literal text an integer (no fraction, no exponent making it fractional)? */
function isIntegerLiteral(text: string): boolean {
  if (/^0[xXbBoO]/.test(text)) return true;
  const clean = text.replace(/_/g, "");
  if (/[.eE]/.test(clean)) return false;
  return /^[0-9]+$/.test(clean);
}

/** Reports every construct outside the subset in one source file. */
export function rejectUnsupported(file: ts.SourceFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (node: ts.Node, message: string): void => {
    out.push(diagnosticAt(node, Code.unsupported, message));
  };

  for (const stmt of file.statements) checkTopLevel(stmt);

  function checkTopLevel(stmt: ts.Statement): void {
    if (
      ts.isFunctionDeclaration(stmt) ||
      ts.isVariableStatement(stmt) ||
      ts.isClassDeclaration(stmt) ||
      ts.isEnumDeclaration(stmt) ||
      ts.isTypeAliasDeclaration(stmt) ||
      ts.isInterfaceDeclaration(stmt) ||
      ts.isImportDeclaration(stmt) ||
      ts.isExportDeclaration(stmt) ||
      ts.isEmptyStatement(stmt)
    ) {
      if (ts.isFunctionDeclaration(stmt) && !stmt.body && !hasModifier(stmt, ts.SyntaxKind.DeclareKeyword)) {
        report(stmt, messages.overload);
        return;
      }
      visit(stmt, false);
      return;
    }
    if (ts.isExportAssignment(stmt)) return report(stmt, messages.exportDefault);
    if (ts.isModuleDeclaration(stmt)) return report(stmt, messages.namespace);
    if (ts.isImportEqualsDeclaration(stmt)) return report(stmt, messages.importRequire);
    report(stmt, messages.topLevelStatement);
  }

  /** inFunction: inside a function body (where `new` is heap allocation and functions would be closures). */
  function visit(node: ts.Node, inFunction: boolean): void {
    switch (node.kind) {
      case SK.ArrowFunction:
      case SK.FunctionExpression:
        return report(node, messages.closure);
      case SK.FunctionDeclaration: {
        const fn = node as ts.FunctionDeclaration;
        if (inFunction) return report(node, messages.nestedFunction);
        if (hasModifier(fn, ts.SyntaxKind.AsyncKeyword)) return report(node, messages.async);
        if (fn.asteriskToken) return report(node, messages.generator);
        if (hasModifier(fn, ts.SyntaxKind.DefaultKeyword)) return report(node, messages.exportDefault);
        checkParameters(fn.parameters);
        if (fn.body) visit(fn.body, true);
        return;
      }
      case SK.ClassDeclaration:
        if (inFunction) return report(node, messages.classExpression);
        return checkClass(node as ts.ClassDeclaration);
      case SK.ClassExpression:
        return report(node, messages.classExpression);
      case SK.ThrowStatement:
      case SK.TryStatement:
        return report(node, messages.exceptions);
      case SK.AwaitExpression:
        return report(node, messages.async);
      case SK.YieldExpression:
        return report(node, messages.generator);
      case SK.ForInStatement:
      case SK.ForOfStatement:
        return report(node, messages.forInOf);
      case SK.ObjectLiteralExpression:
        return report(node, messages.objectLiteral);
      case SK.ArrayLiteralExpression:
        return report(node, messages.arrayLiteral);
      case SK.TemplateExpression:
      case SK.NoSubstitutionTemplateLiteral:
      case SK.TaggedTemplateExpression:
        return report(node, messages.template);
      case SK.NumericLiteral:
        if (!isIntegerLiteral((node as ts.NumericLiteral).getText())) report(node, messages.float);
        return;
      case SK.BigIntLiteral:
        return report(node, messages.bigint);
      case SK.RegularExpressionLiteral:
        return report(node, messages.regex);
      case SK.DeleteExpression:
        return report(node, messages.delete);
      case SK.SpreadElement:
      case SK.SpreadAssignment:
        return report(node, messages.spread);
      case SK.TypeOfExpression:
        return report(node, messages.typeofRuntime);
      case SK.VoidExpression:
        return report(node, messages.voidOperator);
      case SK.AsExpression:
      case SK.TypeAssertionExpression:
        return report(node, messages.asExpression);
      case SK.SatisfiesExpression:
        return report(node, messages.satisfies);
      case SK.DebuggerStatement:
        return report(node, messages.debugger);
      case SK.WithStatement:
        return report(node, messages.with);
      case SK.SuperKeyword:
        return report(node, messages.super);
      case SK.PrivateIdentifier:
        return report(node, messages.privateName);
      case SK.ObjectBindingPattern:
      case SK.ArrayBindingPattern:
        return report(node, messages.destructuring);
      case SK.NewExpression:
        if (inFunction) return report(node, messages.heapNew);
        break;
      case SK.Identifier:
        if ((node as ts.Identifier).text === "undefined" && isValuePosition(node)) return report(node, messages.undefinedValue);
        return;
      case SK.VariableDeclarationList:
        if (!(node.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const))) return report(node, messages.var);
        break;
      case SK.LabeledStatement: {
        const inner = (node as ts.LabeledStatement).statement;
        if (!ts.isIterationStatement(inner, false)) return report(node, messages.label);
        break;
      }
      case SK.BinaryExpression: {
        const op = (node as ts.BinaryExpression).operatorToken.kind;
        if (op === ts.SyntaxKind.InstanceOfKeyword) return report(node, messages.instanceof);
        if (op === ts.SyntaxKind.InKeyword) return report(node, messages.inOperator);
        if (op === ts.SyntaxKind.AsteriskAsteriskToken || op === ts.SyntaxKind.AsteriskAsteriskEqualsToken)
          return report((node as ts.BinaryExpression).operatorToken, messages.exponent);
        if (
          (ts.isArrayLiteralExpression((node as ts.BinaryExpression).left) || ts.isObjectLiteralExpression((node as ts.BinaryExpression).left)) &&
          op === ts.SyntaxKind.EqualsToken
        )
          return report((node as ts.BinaryExpression).left, messages.destructuring);
        break;
      }
      case SK.PropertyAccessExpression:
        if ((node as ts.PropertyAccessExpression).questionDotToken) return report(node, messages.optionalChain);
        break;
      case SK.ElementAccessExpression:
        if ((node as ts.ElementAccessExpression).questionDotToken) return report(node, messages.optionalChain);
        break;
      case SK.CallExpression:
        if ((node as ts.CallExpression).questionDotToken) return report(node, messages.optionalChain);
        break;
      // Types are checked where they are resolved; nothing to run in them.
      case SK.TypeAliasDeclaration:
      case SK.InterfaceDeclaration:
      case SK.ImportDeclaration:
      case SK.ExportDeclaration:
        return;
    }
    if (ts.isTypeNode(node)) return;
    ts.forEachChild(node, (child) => visit(child, inFunction));
  }

  function isValuePosition(id: ts.Node): boolean {
    const p = id.parent;
    return !ts.isTypeNode(p) && !(ts.isPropertyAccessExpression(p) && p.name === id);
  }

  function checkParameters(params: ts.NodeArray<ts.ParameterDeclaration>): void {
    for (const p of params) {
      if (p.dotDotDotToken) report(p, messages.restParam);
      else if (p.questionToken || p.initializer) report(p, messages.optionalParam);
      else if (!ts.isIdentifier(p.name)) report(p.name, messages.destructuring);
    }
  }

  function checkClass(cls: ts.ClassDeclaration): void {
    for (const d of ts.getDecorators(cls) ?? []) {
      const name = decoratorName(d);
      if (name !== "unmanaged" && name !== "packed") report(d, messages.decorator);
    }
    if (cls.heritageClauses?.some((h) => h.token === ts.SyntaxKind.ExtendsKeyword)) {
      report(cls.heritageClauses.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)!, messages.inheritance);
      return;
    }
    const abstract = (ts.getModifiers(cls) ?? []).find((m) => m.kind === ts.SyntaxKind.AbstractKeyword);
    if (abstract) return report(abstract, messages.abstract);
    if (!isUnmanagedClass(cls)) return report(cls.name ?? cls, messages.notUnmanaged);
    for (const m of cls.members) {
      if (m.name && !ts.isIdentifier(m.name) && !ts.isPrivateIdentifier(m.name)) report(m.name, messages.memberName);
      else if (ts.isConstructorDeclaration(m)) report(m, messages.constructor);
      else if (ts.isGetAccessor(m) || ts.isSetAccessor(m)) report(m, messages.accessor);
      else if (ts.isClassStaticBlockDeclaration(m)) report(m, messages.staticBlock);
      else if (ts.isPropertyDeclaration(m)) {
        if (ts.isPrivateIdentifier(m.name)) report(m.name, messages.privateName);
        else if (hasModifier(m, ts.SyntaxKind.StaticKeyword)) report(m, messages.staticField);
        else if (m.initializer) report(m.initializer, messages.fieldInitializer);
      } else if (ts.isMethodDeclaration(m)) {
        if (ts.isPrivateIdentifier(m.name)) report(m.name, messages.privateName);
        else if (hasModifier(m, ts.SyntaxKind.AsyncKeyword)) report(m, messages.async);
        else if (m.asteriskToken) report(m, messages.generator);
        else if (!m.body) report(m, messages.overload);
        else {
          checkParameters(m.parameters);
          visit(m.body, true);
        }
      } else if (ts.isIndexSignatureDeclaration(m)) {
        report(m, "index signatures are not supported in classes: use a StaticArray");
      }
    }
  }

  return out;
}
