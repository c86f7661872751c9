// The IR optimisation pipeline: each pass is a pure function IrFunction ->
// IrFunction; the sequence runs twice, since folding exposes dead code and
// CFG simplification exposes more folding.

import type { IrFunction, IrModule } from "../ir.js";
import { coalesceCopies } from "./coalesce-copies.js";
import { propagateConstants } from "./constprop.js";
import { removeDeadCode } from "./dce.js";
import { fuseCompareBranches } from "./fuse-compare.js";
import { removeKnownBranches } from "./known-branches.js";
import { simplifyCfg } from "./simplify-cfg.js";

const PASSES: ((fn: IrFunction) => IrFunction)[] = [propagateConstants, simplifyCfg, removeDeadCode, coalesceCopies, fuseCompareBranches, removeKnownBranches, simplifyCfg];

export function optimizeFunction(fn: IrFunction): IrFunction {
  let f = fn;
  for (let round = 0; round < 2; round++) for (const pass of PASSES) f = pass(f);
  return f;
}

export function optimizeModule(m: IrModule): IrModule {
  return { ...m, functions: m.functions.map(optimizeFunction) };
}
