// Passes that rewrite one loop (or chain) at a time: each rewrite changes the function
// the next search reads, so the search runs again on the result, until it finds
// nothing (at most `limit` rewrites, a bound on pathological inputs).

import type { IrFunction } from "../ir.js";

export function rewriteOneAtATime<C>(
  fn: IrFunction,
  find: (fn: IrFunction) => C | undefined,
  rewrite: (fn: IrFunction, candidate: C) => IrFunction,
  limit = 32,
): IrFunction {
  let f = fn;
  for (let round = 0; round < limit; round++) {
    const c = find(f);
    if (c === undefined) return f;
    f = rewrite(f, c);
  }
  return f;
}
