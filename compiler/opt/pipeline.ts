// The IR optimisation pipeline: each pass is a pure function IrFunction ->
// IrFunction; the sequence runs twice, since folding exposes dead code and
// CFG simplification exposes more folding, then a short clean-up.

import type { IrFunction, IrModule } from "../ir.js";
import { coalesceCopies } from "./coalesce-copies.js";
import { propagateArgumentRanges } from "./argument-ranges.js";
import { propagateConstantArguments } from "./constant-arguments.js";
import { inlineFunctions } from "./inline.js";
import { hoistLoopInvariants } from "./licm.js";
import { propagateConstants } from "./constprop.js";
import { countLoopsToZero } from "./count-to-zero.js";
import { eliminateCommonSubexpressions } from "./cse.js";
import { removeDeadCode } from "./dce.js";
import { threadDecidedEdges } from "./decided-edges.js";
import { fuseCompareBranches } from "./fuse-compare.js";
import { removeKnownBranches } from "./known-branches.js";
import { storeUntruncated } from "./narrow-stores.js";
import { removeBranchesDecidedByRanges } from "./ranges.js";
import { removeChecksImpliedByRelations } from "./relational-bounds.js";
import { recursionToLoop } from "./recursion-to-loop.js";
import { simplifyCfg } from "./simplify-cfg.js";
import { reduceStrength } from "./strength-reduce.js";
import { mergeSignAndBoundTests } from "./unsigned-range-test.js";

const PASSES: ((fn: IrFunction) => IrFunction)[] = [propagateConstants, simplifyCfg, hoistLoopInvariants, eliminateCommonSubexpressions, storeUntruncated, removeDeadCode, coalesceCopies, fuseCompareBranches, mergeSignAndBoundTests, removeKnownBranches, removeBranchesDecidedByRanges, removeChecksImpliedByRelations, threadDecidedEdges, simplifyCfg];

/** Clean-up after the last round: propagate the copies CSE introduced, drop what became dead. */
const FINAL: ((fn: IrFunction) => IrFunction)[] = [reduceStrength, countLoopsToZero, propagateConstants, removeDeadCode, coalesceCopies];

export function optimizeFunction(fn: IrFunction): IrFunction {
  let f = fn;
  for (let round = 0; round < 2; round++) for (const pass of PASSES) f = pass(f);
  for (const pass of FINAL) f = pass(f);
  return f;
}

export function optimizeModule(m: IrModule): IrModule {
  // Self-recursion becomes a loop first: then the function may be small enough to inline.
  // (Optimising every function before inlining too would double the optimisation time
  // for the same code on the benchmarks.)
  const looped = { ...m, functions: m.functions.map(recursionToLoop) };
  const withArguments = propagateConstantArguments(inlineFunctions(looped));
  return propagateArgumentRanges({ ...withArguments, functions: withArguments.functions.map(optimizeFunction) });
}
