// What the debug sections describe: where each instruction of .text landed (the
// assembler's `placed` callback) and each function's address range, from the
// assembled object's symbols. Offsets are relative to the object's .text.

import type { Instruction } from "../../assembler/statements.js";
import type { ObjectFile } from "../../elf/types.js";
import type { SourcePos } from "../ir.js";

export interface PlacedInstruction {
  ins: Instruction;
  section: string;
  offset: number;
  size: number;
}

export interface FunctionRange {
  name: string;
  exported: boolean;
  /** TS type name of the result, for functions that return one. */
  returnType?: string;
  /** Where the TS declaration is. */
  pos?: SourcePos;
  start: number;
  end: number;
  /** Offsets of the function's basic blocks after the first (labels `name.L*`). */
  blockStarts: Set<number>;
  instructions: PlacedInstruction[];
}

export interface CodeMap {
  textSize: number;
  functions: FunctionRange[];
}

export interface FunctionSummary {
  name: string;
  exported: boolean;
  returnsValue?: boolean;
  returnType?: string;
  pos?: SourcePos;
}

/** Instructions and functions of the object's .text, in address order. */
export function buildCodeMap(object: ObjectFile, placed: PlacedInstruction[], functions: FunctionSummary[]): CodeMap {
  const textIndex = object.sections.findIndex((s) => s.name === ".text");
  const textSize = textIndex < 0 ? 0 : object.sections[textIndex]!.size;
  const inText = object.symbols.filter((s) => s.section.kind === "section" && s.section.index === textIndex && s.type !== "section");
  const address = new Map(inText.map((s) => [s.name, s.value]));
  const ranges: FunctionRange[] = functions
    .filter((f) => address.has(f.name))
    .map((f) => ({ name: f.name, exported: f.exported, ...(f.pos ? { pos: f.pos } : {}), ...(f.returnsValue && f.returnType ? { returnType: f.returnType } : {}), start: address.get(f.name)!, end: textSize, blockStarts: new Set<number>(), instructions: [] }))
    .sort((a, b) => a.start - b.start);
  ranges.forEach((r, i) => {
    if (i + 1 < ranges.length) r.end = ranges[i + 1]!.start;
  });
  const byName = new Map(ranges.map((r) => [r.name, r]));
  for (const s of inText) {
    const dot = s.name.lastIndexOf(".L");
    const owner = dot > 0 ? byName.get(s.name.slice(0, dot)) : undefined;
    if (owner && s.value > owner.start) owner.blockStarts.add(s.value);
  }
  let k = 0;
  for (const p of [...placed].sort((a, b) => a.offset - b.offset)) {
    while (k < ranges.length && p.offset >= ranges[k]!.end) k++;
    const r = ranges[k];
    if (r && p.offset >= r.start) r.instructions.push(p);
  }
  return { textSize, functions: ranges };
}
