// Calling conventions.
//
// cdecl (exported, extern and indirect calls): every argument is a 32-bit word on
// the stack, the first at the lowest address; the result is in eax; eax, ecx and
// edx are clobbered; ebx, esi, edi and ebp are preserved; the caller pops.
//
// internal (direct calls between non-exported functions): like gcc's regparm(3):
// the first three arguments in eax, edx, ecx, the rest on the stack as in cdecl.
// Same result and preserved registers.
//
// Outgoing stack arguments are stored into a reserved area at the bottom of the
// caller's frame ([esp], [esp+4], ...) instead of being pushed, so esp stays
// constant inside a function body and every frame slot has one fixed address.

import type { CallConv } from "../ir.js";
import { EAX, ECX, EDX, type Reg } from "./machine.js";

const INTERNAL_ARG_REGS: readonly Reg[] = [EAX, EDX, ECX];

/** Where argument `index` travels: a register, or a stack word (0 = lowest). */
export type ArgLocation = { kind: "reg"; reg: Reg } | { kind: "stack"; word: number };

export function argLocation(conv: CallConv, index: number): ArgLocation {
  if (conv === "internal" && index < INTERNAL_ARG_REGS.length) return { kind: "reg", reg: INTERNAL_ARG_REGS[index]! };
  return { kind: "stack", word: conv === "internal" ? index - INTERNAL_ARG_REGS.length : index };
}

/** Registers a call may overwrite. */
export const CALL_CLOBBERS: readonly Reg[] = [EAX, ECX, EDX];
