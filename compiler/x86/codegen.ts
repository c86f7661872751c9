// The back end as one function: IR module -> assembler Statements. Per function:
// instruction selection, register allocation (with spilling), frame layout,
// block layout, peephole; then the sections: .text (functions), .rodata (jump tables, constant
// data), .data and .bss, with global and extern declarations.

import type { Statement } from "../../assembler/statements.js";
import type { IrModule } from "../ir.js";
import { emitData, emitFunction, emitJumpTables, type SourceLines } from "./emit.js";
import { layoutFrame } from "./frame.js";
import { layoutBlocks } from "./layout.js";
import { valuesRead } from "../opt/ir-uses.js";
import { selectInstructions } from "./isel.js";
import type { MFunction } from "./machine.js";
import { deadRegisterPeephole, peephole } from "./peephole.js";
import { allocateRegisters } from "./regalloc.js";
import { mergeColdBlocks } from "./merge-cold-blocks.js";
import { expandThreeAddress } from "./three-address.js";
import { namedVariables } from "../debug/variable-homes.js";

export function compileFunctionToMachine(fn: IrModule["functions"][number]): MFunction {
  const m = selectInstructions(fn);
  mergeColdBlocks(m);
  m.variables = namedVariables(fn);
  allocateRegisters(m);
  expandThreeAddress(m);
  layoutBlocks(m);
  peephole(m);
  deadRegisterPeephole(m);
  // After the peephole passes: they may free a callee-saved register (a load folded into
  // its user), and they still see which memory operands are spill slots.
  layoutFrame(m);
  return m;
}

/** Every symbol the module's code and data refer to. */
function referencedSymbols(module: IrModule): Set<string> {
  const out = new Set<string>(module.externs);
  for (const f of module.functions) {
    for (const b of f.blocks) {
      for (const x of [...b.instrs, b.term]) for (const v of valuesRead(x)) if (v.kind === "symbol") out.add(v.name);
    }
  }
  for (const d of module.data) for (const r of d.relocations) out.add(r.symbol);
  return out;
}

export function generateModule(module: IrModule, lines?: SourceLines): Statement[] {
  const defined = new Set<string>([...module.functions.map((f) => f.name), ...module.data.map((d) => d.name)]);
  const externs = [...referencedSymbols(module)].filter((s) => !defined.has(s)).sort();
  const out: Statement[] = [{ kind: "bits", bits: 32 }];
  if (externs.length > 0) out.push({ kind: "extern", names: externs });

  const machine = module.functions.map(compileFunctionToMachine);
  out.push({ kind: "section", name: ".text", attributes: [] });
  machine.forEach((m, i) => out.push(...emitFunction(m, lines, machine[i + 1]?.name)));
  const rodata = [...machine.flatMap(emitJumpTables), ...module.data.filter((d) => d.section === "rodata").flatMap(emitData)];
  if (rodata.length > 0) out.push({ kind: "section", name: ".rodata", attributes: [] }, ...rodata);
  for (const section of ["data", "bss"] as const) {
    const items = module.data.filter((d) => d.section === section);
    if (items.length > 0) out.push({ kind: "section", name: `.${section}`, attributes: [] }, ...items.flatMap(emitData));
  }
  return out;
}
