// Interprocedural constant propagation: when every call of a non-exported
// function passes the same constant for a parameter, the function starts by
// setting that parameter to the constant, and the per-function passes fold it
// (a `sieve(200000)` called once learns its bound, and range analysis can then
// drop the bounds checks the bound implies). Functions whose address is taken
// (a symbol value other than a direct callee) or that are exported keep their
// parameters: unknown callers may pass anything.

import type { Instr, IrFunction, IrModule, Value } from "../ir.js";
import { valuesRead } from "./ir-uses.js";

export function propagateConstantArguments(m: IrModule): IrModule {
  const candidates = new Map(m.functions.filter((f) => !f.exported && f.params.length > 0).map((f) => [f.name, f]));
  // Per candidate, per parameter: the one constant every call passes (null: not constant / differs).
  const seen = new Map<string, (number | null | undefined)[]>();
  const escape = (name: string): void => void candidates.delete(name);
  for (const f of m.functions) {
    for (const b of f.blocks) {
      for (const x of [...b.instrs, b.term]) {
        const direct = x.op === "call" && x.callee.kind === "symbol" && x.callee.offset === 0 ? x : undefined;
        for (const v of valuesRead(x)) if (v.kind === "symbol" && (!direct || v !== direct.callee)) escape(v.name);
        if (!direct || direct.callee.kind !== "symbol") continue;
        const target = candidates.get(direct.callee.name);
        if (!target) continue;
        if (direct.args.length !== target.params.length) {
          escape(target.name);
          continue;
        }
        const slots = seen.get(target.name) ?? target.params.map(() => undefined);
        direct.args.forEach((a: Value, i) => {
          const prev = slots[i];
          if (a.kind !== "const" || prev === null) slots[i] = null;
          else if (prev === undefined) slots[i] = a.value;
          else if (prev !== a.value) slots[i] = null;
        });
        seen.set(target.name, slots);
      }
    }
  }
  for (const d of m.data) for (const r of d.relocations) escape(r.symbol);
  const functions = m.functions.map((f): IrFunction => {
    const slots = candidates.has(f.name) ? seen.get(f.name) : undefined;
    if (!slots) return f;
    const sets: Instr[] = [];
    slots.forEach((c, i) => {
      if (typeof c === "number") sets.push({ op: "copy", dst: f.params[i]!, src: { kind: "const", value: c }, pos: f.pos });
    });
    if (sets.length === 0) return f;
    const [entry, ...rest] = f.blocks;
    return { ...f, blocks: [{ ...entry!, instrs: [...sets, ...entry!.instrs] }, ...rest] };
  });
  return { ...m, functions };
}
