// The text form of the IR, printed by `ts386 compile --emit-ir` (QBE-like):
//
//   export function main cdecl () -> value      # locals: %0 i, %1 sum
//   @0:
//     %0 = copy 1
//     %2 = add %0, %1
//     %3 = load.u8 [%2+4]
//     store.32 [$table+8], %3
//     %4 = call internal $fib(%2, 7)
//     %5 = compare.ult %3, 10
//     %6 = extend.s16 %4
//     outb(1016, %3)
//     if.lt %0, 10 @1 @2
//   @1:
//     ret %2
//   data $table .data align 4 size 12 (global)
//     bytes 01 00 00 00 ...
//     reloc +8 $other+0
//
// Temps are %n, constants signed decimal, symbols $name or $name+offset, blocks @n.

import type { Instr, IrData, IrFunction, IrModule, Terminator, Value } from "./ir.js";

export function formatValue(v: Value): string {
  switch (v.kind) {
    case "temp": return `%${v.temp}`;
    case "const": return String(v.value);
    case "symbol": return v.offset === 0 ? `$${v.name}` : `$${v.name}${v.offset > 0 ? "+" : ""}${v.offset}`;
  }
}

const widthName = (width: number, signed: boolean): string => `${signed ? "i" : "u"}${width * 8}`;

function address(base: Value, offset: number): string {
  const b = formatValue(base);
  return offset === 0 ? `[${b}]` : `[${b}${offset > 0 ? "+" : ""}${offset}]`;
}

export function formatInstr(ins: Instr): string {
  const list = (vs: Value[]): string => vs.map(formatValue).join(", ");
  switch (ins.op) {
    case "copy": return `%${ins.dst} = copy ${formatValue(ins.src)}`;
    case "binary": return `%${ins.dst} = ${ins.kind} ${formatValue(ins.left)}, ${formatValue(ins.right)}`;
    case "unary": return `%${ins.dst} = ${ins.kind} ${formatValue(ins.src)}`;
    case "compare": return `%${ins.dst} = compare.${ins.cond} ${formatValue(ins.left)}, ${formatValue(ins.right)}`;
    case "extend": return `%${ins.dst} = extend.${ins.signed ? "s" : "u"}${ins.width * 8} ${formatValue(ins.src)}`;
    case "load": return `%${ins.dst} = load.${widthName(ins.width, ins.signed)} ${address(ins.address, ins.offset)}`;
    case "store": return `store.${ins.width * 8} ${address(ins.address, ins.offset)}, ${formatValue(ins.value)}`;
    case "call": {
      const call = `call ${ins.conv} ${formatValue(ins.callee)}(${list(ins.args)})`;
      return ins.dst === undefined ? call : `%${ins.dst} = ${call}`;
    }
    case "intrinsic": {
      const call = `${ins.name}(${list(ins.args)})`;
      return ins.dst === undefined ? call : `%${ins.dst} = ${call}`;
    }
  }
}

export function formatTerminator(t: Terminator): string {
  switch (t.op) {
    case "jump": return `jump @${t.target}`;
    case "branch": return `if ${formatValue(t.cond)} @${t.ifTrue} @${t.ifFalse}`;
    case "branchCompare": return `if.${t.cond} ${formatValue(t.left)}, ${formatValue(t.right)} @${t.ifTrue} @${t.ifFalse}`;
    case "switch": return `switch ${formatValue(t.value)} from ${t.low} [${t.targets.map((b) => `@${b}`).join(" ")}] else @${t.otherwise}`;
    case "return": return t.value ? `ret ${formatValue(t.value)}` : "ret";
    case "unreachable": return "unreachable";
  }
}

export function formatFunction(fn: IrFunction): string {
  const params = fn.params.map((p) => `%${p}`).join(", ");
  const names = [...fn.tempNames].sort((a, b) => a[0] - b[0]).map(([tmp, n]) => `%${tmp} ${n}`);
  const head = `${fn.exported ? "export " : ""}function ${fn.name} ${fn.conv} (${params})${fn.returnsValue ? " -> value" : ""}`;
  const lines = [names.length > 0 ? `${head}      # ${names.join(", ")}` : head];
  for (const b of fn.blocks) {
    lines.push(`@${b.id}:`);
    for (const ins of b.instrs) lines.push(`  ${formatInstr(ins)}`);
    lines.push(`  ${formatTerminator(b.term)}`);
  }
  return lines.join("\n");
}

export function formatData(d: IrData): string {
  const lines = [`data $${d.name} .${d.section} align ${d.align} size ${d.size}${d.exported ? " (global)" : ""}`];
  for (let i = 0; i < d.bytes.length; i += 16) {
    lines.push(`  bytes ${Array.from(d.bytes.subarray(i, i + 16), (b) => b.toString(16).padStart(2, "0")).join(" ")}`);
  }
  for (const r of d.relocations) lines.push(`  reloc +${r.offset} $${r.symbol}${r.addend >= 0 ? "+" : ""}${r.addend}`);
  return lines.join("\n");
}

export function formatModule(m: IrModule): string {
  const parts: string[] = [];
  if (m.externs.length > 0) parts.push(`extern ${m.externs.map((e) => `$${e}`).join(", ")}`);
  for (const f of m.functions) parts.push(formatFunction(f));
  for (const d of m.data) parts.push(formatData(d));
  return parts.join("\n\n") + "\n";
}
