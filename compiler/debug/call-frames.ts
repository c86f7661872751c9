// .debug_frame: how to find the caller's frame at every instruction, so gdb can
// unwind (bt, finish, up) through our frameless, esp-relative functions.
//
// The CFA (the caller's esp before its call) is esp + offset. At entry the offset is
// 4 (the return address); each push/pop and `sub/add esp, N` moves it. Inside a
// function body esp does not move except around calls that never return (arguments
// pushed) and at the epilogue before a `ret`, both of which end their block: so every
// later block starts at the body's offset again. Callee-saved registers pushed by
// the prologue are recorded as saved at their slots.

import { ByteWriter } from "./byte-writer.js";
import type { CodeMap, FunctionRange } from "./code-map.js";
import {
  DW_CFA_advance_loc4, DW_CFA_def_cfa, DW_CFA_def_cfa_offset, DW_CFA_nop, DW_CFA_offset, DWARF_REG,
} from "../../elf/debug/dwarf-constants.js";
import { prologueLength } from "./prologue.js";
import type { Instruction } from "../../assembler/statements.js";

const CIE_ID = 0xffffffff;

/** How much an instruction moves esp down (pushes are positive); undefined when esp is lost (ret). */
export function espDelta(ins: Instruction): number | undefined {
  const [a, b] = ins.operands;
  switch (ins.mnemonic) {
    case "push": case "pushfd": return 4;
    case "pushad": return 32;
    case "pop": case "popfd": return -4;
    case "popad": return -32;
    case "ret": return undefined;
    case "sub": case "add":
      if (a?.kind === "reg" && a.reg === "esp" && b?.kind === "imm" && b.expr.kind === "num") return ins.mnemonic === "sub" ? b.expr.value : -b.expr.value;
      return 0;
    default: return 0;
  }
}

function frameInstructions(f: FunctionRange, w: ByteWriter): void {
  const prologue = prologueLength(f);
  let at = f.start;
  let offset: number | undefined = 4;
  let bodyOffset = 4;
  const advance = (to: number): void => {
    if (to !== at) w.u8(DW_CFA_advance_loc4).u32(to - at);
    at = to;
  };
  f.instructions.forEach(({ ins, offset: start, size }, i) => {
    if (i >= prologue && f.blockStarts.has(start) && offset !== bodyOffset) {
      advance(start);
      w.u8(DW_CFA_def_cfa_offset).uleb((offset = bodyOffset));
    }
    const delta = espDelta(ins);
    if (delta === undefined || offset === undefined) {
      offset = undefined;
      return;
    }
    if (delta !== 0) {
      advance(start + size);
      offset += delta;
      w.u8(DW_CFA_def_cfa_offset).uleb(offset);
      const [a] = ins.operands;
      if (i < prologue && ins.mnemonic === "push" && a?.kind === "reg") w.u8(DW_CFA_offset | DWARF_REG[a.reg]!).uleb(offset / 4);
    }
    if (i === prologue - 1) bodyOffset = offset;
  });
}

export function buildCallFrames(map: CodeMap, textSection = ".text"): ByteWriter {
  const w = new ByteWriter();
  // The CIE: CFA = esp + 4, return address (eip) at CFA - 4; data alignment -4.
  const cie = new ByteWriter();
  cie.u32(CIE_ID).u8(1).string("").uleb(1).sleb(-4).u8(DWARF_REG.eip!);
  cie.u8(DW_CFA_def_cfa).uleb(DWARF_REG.esp!).uleb(4);
  cie.u8(DW_CFA_offset | DWARF_REG.eip!).uleb(1);
  while ((cie.length + 4) % 4 !== 0) cie.u8(DW_CFA_nop);
  w.u32(cie.length).bytes(cie.finish());
  for (const f of map.functions) {
    if (f.end <= f.start) continue;
    const body = new ByteWriter();
    frameInstructions(f, body);
    while ((body.length + 12) % 4 !== 0) body.u8(DW_CFA_nop);
    w.u32(12 + body.length);
    w.reference(".debug_frame", 0); // CIE_pointer: the CIE at the start of this object's .debug_frame
    w.reference(textSection, f.start).u32(f.end - f.start);
    w.bytes(body.finish());
  }
  return w;
}
