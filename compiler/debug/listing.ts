// The annotated listing (`ts386 compile --emit-listing`, `make asm`): the code of
// .text as NASM text, each instruction with its address and bytes, and the TS
// source line above the instructions it became, whenever that line changes:
//
//   ; kernel/paging.ts:60:     const table_address: u32 = addressOf(identity_tables) + table * PAGE_SIZE;
//   00102588  8D 04 95 00 C0 10 00      lea eax, [edx*4+identity_tables]
//
// Addresses are the object's .text offsets plus `base` (the .text address in the
// linked executable, or 0); bytes come from `bytesAt` (the linked executable's, with
// relocations applied) or the object's.

import { formatStatement } from "../../assembler/format.js";
import type { Instruction, Statement } from "../../assembler/statements.js";
import type { SourceLines } from "../x86/emit.js";
import type { PlacedInstruction } from "./code-map.js";

export interface ListingOptions {
  base: number;
  /** The bytes of `size` bytes at an address (after `base` is added). */
  bytesAt: (address: number, size: number) => Uint8Array;
  lines: SourceLines;
}

const hex = (v: number, width: number): string => v.toString(16).toUpperCase().padStart(width, "0");

export function formatListing(statements: Statement[], placed: PlacedInstruction[], options: ListingOptions): string {
  const where = new Map<Instruction, PlacedInstruction>(placed.filter((p) => p.section === ".text").map((p) => [p.ins, p]));
  const out: string[] = [];
  let section = ".text";
  let lastSource: string | undefined;
  for (const st of statements) {
    if (st.kind === "section") section = st.name;
    if (section !== ".text") continue;
    if (st.kind === "label") {
      // Function labels start a paragraph; block labels are indented like nasm's local ones.
      if (!st.name.includes(".")) out.push("");
      out.push(`${" ".repeat(st.name.includes(".") ? 10 : 0)}${st.name}:`);
      continue;
    }
    if (st.kind !== "instruction") continue;
    const p = where.get(st);
    if (!p) continue;
    if (st.loc) {
      const key = `${st.loc.file}:${st.loc.line}`;
      if (key !== lastSource) {
        lastSource = key;
        out.push(`; ${key}: ${options.lines(st.loc.file, st.loc.line) ?? ""}`.trimEnd());
      }
    }
    const address = options.base + p.offset;
    const bytes = Array.from(options.bytesAt(address, p.size), (b) => hex(b, 2)).join(" ");
    const { comment: _comment, ...bare } = st;
    out.push(`${hex(address >>> 0, 8)}  ${bytes.padEnd(30)}  ${formatStatement(bare).trim()}`);
  }
  return out.join("\n").trimStart() + "\n";
}
