// Where an object's .text landed in a linked executable: the executable's address of
// a global symbol the object defines in .text, minus its offset in the object. Used
// to give listings the addresses the debugger and the fault reports show.

import { readExecutable } from "../../elf/debug/read-executable.js";
import type { ObjectFile } from "../../elf/types.js";

export interface LinkedText {
  base: number;
  bytesAt: (address: number, size: number) => Uint8Array;
}

export function linkedText(object: ObjectFile, elf: Uint8Array, elfName: string): LinkedText {
  const text = object.sections.findIndex((s) => s.name === ".text");
  const exe = readExecutable(elf, elfName);
  const linked = exe.sections.get(".text");
  for (const s of object.symbols) {
    if (s.binding !== "global" || s.section.kind !== "section" || s.section.index !== text) continue;
    const there = exe.symbols.find((e) => e.name === s.name);
    if (!there || !linked) continue;
    return {
      base: there.value - s.value,
      bytesAt: (address, size) => linked.data.subarray(address - linked.address, address - linked.address + size),
    };
  }
  throw new Error(`${elfName}: none of the object's global functions is in it (is it the executable this object was linked into?)`);
}
