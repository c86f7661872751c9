// Stage 3d: one function (or method) → IrFunction. Parameters are temps;
// `this` is the first parameter of a method. Narrow parameters of cdecl
// functions are re-extended on entry: assembly callers may leave the upper bits.

import type { IrFunction, Temp } from "../ir.js";
import { FunctionBuilder } from "./builder.js";
import type { FunctionInfo, Operand, ProgramContext } from "./context.js";
import { Code, failAt } from "./errors.js";
import { FunctionContext } from "./function-context.js";
import { lowerStatement } from "./statements.js";
import { typeName } from "./types.js";

export function lowerFunction(ctx: ProgramContext, info: FunctionInfo): IrFunction {
  const b = new FunctionBuilder();
  const params: Temp[] = [];
  let thisOperand: Operand | undefined;
  if (info.thisClass) {
    const t = b.newTemp("this");
    params.push(t);
    thisOperand = { type: { kind: "class", cls: info.thisClass }, value: { kind: "temp", temp: t } };
  }
  const fx = new FunctionContext(ctx, b, info.sig.ret, thisOperand);
  const decl = info.decl;
  decl.parameters.forEach((p, i) => {
    const name = p.name.getText();
    const type = info.sig.params[i]!;
    const t = b.newTemp(name);
    params.push(t);
    if (type.kind === "int" && type.width < 4 && info.conv === "cdecl")
      b.emit({ op: "extend", dst: t, src: { kind: "temp", temp: t }, width: type.width as 1 | 2, signed: type.signed, pos: fx.pos(p) });
    const sym = ctx.symbolAt(p.name);
    if (!sym) failAt(p, Code.declaration, `cannot declare parameter '${name}'`);
    fx.locals.set(sym, { kind: "local", temp: t, type, mutable: true, name });
  });
  if (!decl.body) failAt(decl, Code.declaration, "function has no body");
  for (const s of decl.body.statements) lowerStatement(fx, s);
  const pos = fx.pos(decl);
  // The declared types of the parameters and locals, for the debug information.
  const tempTypes = new Map<Temp, string>();
  for (const binding of fx.locals.values()) if (binding.kind === "local") tempTypes.set(binding.temp, typeName(binding.type));
  // Falling off the end: void functions return; TypeScript has already checked that the others return a value.
  const fallOff = info.sig.ret.kind === "void" ? ({ op: "return", pos } as const) : ({ op: "unreachable", pos } as const);
  return b.finish({ name: info.name, exported: info.exported, conv: info.conv, params, returnsValue: info.sig.ret.kind !== "void" && info.sig.ret.kind !== "never", pos, tempTypes, returnType: typeName(info.sig.ret) }, fallOff);
}
