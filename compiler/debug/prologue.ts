// A function's prologue as frame.ts writes it: pushes of the callee-saved registers
// it uses, then `sub esp, N`, all at the function's declaration position. Anything
// else (an argument pushed for a call that does not return) is body code.

import type { FunctionRange } from "./code-map.js";

const CALLEE_SAVED = new Set(["ebx", "esi", "edi", "ebp"]);

/** How many of the function's first instructions are its prologue. */
export function prologueLength(f: FunctionRange): number {
  let n = 0;
  for (const { ins } of f.instructions) {
    const pos = ins.loc;
    // Without a declaration position (a function the compiler made up), any leading saves count.
    const atDeclaration = f.pos === undefined || (pos !== undefined && pos.file === f.pos.file && pos.line === f.pos.line && pos.column === f.pos.column);
    const [a, b] = ins.operands;
    const save = ins.mnemonic === "push" && a?.kind === "reg" && CALLEE_SAVED.has(a.reg);
    const reserve = ins.mnemonic === "sub" && a?.kind === "reg" && a.reg === "esp" && b?.kind === "imm";
    if (!atDeclaration || !(save || reserve)) break;
    n++;
    if (reserve) break;
  }
  return n;
}
