// The i386 register file as the encoder sees it: class, width and the 3-bit number
// that goes into ModRM/SIB fields or is added to an opcode.

import type { Register } from "./statements.js";

export type RegClass = "gpr" | "seg" | "cr" | "dr";

export interface RegInfo {
  name: Register;
  cls: RegClass;
  /** Width in bits: 8, 16 or 32 (segment registers count as 16). */
  size: 8 | 16 | 32;
  num: number;
}

const table = new Map<string, RegInfo>();
function add(names: string[], cls: RegClass, size: 8 | 16 | 32, nums?: number[]): void {
  names.forEach((name, i) => table.set(name, { name: name as Register, cls, size, num: nums ? nums[i]! : i }));
}
add(["eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi"], "gpr", 32);
add(["ax", "cx", "dx", "bx", "sp", "bp", "si", "di"], "gpr", 16);
add(["al", "cl", "dl", "bl", "ah", "ch", "dh", "bh"], "gpr", 8);
add(["es", "cs", "ss", "ds", "fs", "gs"], "seg", 16);
add(["cr0", "cr2", "cr3", "cr4"], "cr", 32, [0, 2, 3, 4]);
add(["dr0", "dr1", "dr2", "dr3", "dr6", "dr7"], "dr", 32, [0, 1, 2, 3, 6, 7]);

/** Register by (lower-case) name, or undefined. */
export function registerInfo(name: string): RegInfo | undefined {
  return table.get(name);
}

export function allRegisters(): RegInfo[] {
  return [...table.values()];
}

export function isRegisterName(name: string): boolean {
  return table.has(name.toLowerCase());
}

export const REG_ESP = 4;
export const REG_EBP = 5;

/**
 * Register names nasm knows that 32-bit code here does not use (x86-64, SIMD, mask,
 * MMX, x87, bound and test registers). nasm reserves them, so they are no labels here either.
 */
const OTHER_NASM_REGISTERS = /^(r(ax|bx|cx|dx|si|di|sp|bp|ip)|r([89]|1[0-5])[dwb]?|spl|bpl|sil|dil|[xyz]mm([0-9]|[12][0-9]|3[01])|k[0-7]|mm[0-7]|st[0-7]|cr([15-9]|1[0-5])|dr([45]|[89]|1[0-5])|tr[0-7]|bnd[0-3])$/;

export function isOtherNasmRegister(name: string): boolean {
  return OTHER_NASM_REGISTERS.test(name.toLowerCase());
}
