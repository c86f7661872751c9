// The state of lowering one function body (or, with no builder, of evaluating a
// module-level initialiser, where any instruction is an error: initialisers
// must be constant).

import ts from "typescript";
import type { SourcePos, Temp } from "../ir.js";
import type { Binding, Operand, ProgramContext } from "./context.js";
import { Code, failAt, locationOf } from "./errors.js";
import type { FunctionBuilder, OpenBlock } from "./builder.js";
import type { Type } from "./types.js";

/** Where `break` and `continue` go for one enclosing loop or switch. */
export interface JumpTarget {
  labels: string[];
  breakTo: OpenBlock;
  /** Undefined for switch (continue skips it and goes to the enclosing loop). */
  continueTo?: OpenBlock;
}

export class FunctionContext {
  readonly locals = new Map<ts.Symbol, Binding>();
  readonly targets: JumpTarget[] = [];
  /** Loop variables proven to stay in [0, bound) inside the loop body (counted for loops). */
  readonly proven = new Map<ts.Symbol, bigint>();
  /** Loop variables proven to stay in [0, s.length) for a string variable s the loop never assigns. */
  readonly provenForString = new Map<ts.Symbol, ts.Symbol>();
  /** Inside unchecked(...): indexing skips the bounds check. */
  unchecked = 0;

  constructor(
    readonly ctx: ProgramContext,
    private readonly builder: FunctionBuilder | undefined,
    readonly returnType: Type,
    readonly thisOperand?: Operand,
  ) {}

  get isConstantMode(): boolean {
    return this.builder === undefined;
  }

  /** The builder, or the "initialisers must be constant" error at `node` when evaluating a module-level initialiser. */
  code(node: ts.Node): FunctionBuilder {
    if (!this.builder)
      failAt(node, Code.constant, "module-level initialisers must be constant (literals, constants, casts of constants, addresses of static objects): assign run-time values in an init function");
    return this.builder;
  }

  temp(node: ts.Node, name?: string): Temp {
    return this.code(node).newTemp(name);
  }

  pos(node: ts.Node): SourcePos {
    return locationOf(node);
  }

  /** The binding of an identifier: a local of this function first, then the module level. */
  lookup(id: ts.Node): Binding {
    const sym = this.ctx.symbolAt(id);
    if (!sym) failAt(id, Code.declaration, `cannot find '${id.getText()}'`);
    const local = this.locals.get(sym);
    if (local) return local;
    return this.ctx.resolve(sym, id);
  }
}
