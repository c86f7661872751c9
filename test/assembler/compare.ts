// Comparing two relocatable objects the way the differential tests need: section
// contents and attributes, symbols (name, value, size, binding, type, section) and
// relocations (offset, type, symbol name), in order. Returns readable differences.

import type { ObjectFile } from "../../elf/types.js";
import { R_386_NAMES } from "../../elf/types.js";

function symbolSection(obj: ObjectFile, i: number): string {
  const s = obj.symbols[i]!.section;
  return s.kind === "section" ? obj.sections[s.index]!.name : s.kind;
}

function hex(b: Uint8Array, from: number, to: number): string {
  return [...b.subarray(from, to)].map((x) => x.toString(16).padStart(2, "0")).join(" ");
}

/** Differences between `ours` and `theirs` (empty when identical); at most `limit` lines. */
export function diffObjects(ours: ObjectFile, theirs: ObjectFile, limit = 20): string[] {
  const out: string[] = [];
  const add = (s: string) => {
    if (out.length < limit) out.push(s);
  };
  const names = (o: ObjectFile) => o.sections.map((s) => s.name).join(",");
  if (names(ours) !== names(theirs)) add(`sections: ours [${names(ours)}], nasm [${names(theirs)}]`);
  for (const t of theirs.sections) {
    const o = ours.sections.find((s) => s.name === t.name);
    if (!o) continue;
    if (o.type !== t.type || o.flags !== t.flags || o.align !== t.align || o.size !== t.size) {
      add(`${t.name}: ours type=${o.type} flags=${o.flags} align=${o.align} size=${o.size}; nasm type=${t.type} flags=${t.flags} align=${t.align} size=${t.size}`);
    }
    const n = Math.max(o.data.length, t.data.length);
    for (let i = 0; i < n; i++) {
      if (o.data[i] !== t.data[i]) {
        add(`${t.name}+0x${i.toString(16)}: ours ${hex(o.data, i, i + 8)} | nasm ${hex(t.data, i, i + 8)}`);
        break;
      }
    }
    const rel = (obj: ObjectFile, r: { offset: number; type: number; symbol: number }) =>
      `0x${r.offset.toString(16)} ${R_386_NAMES[r.type] ?? r.type} ${obj.symbols[r.symbol]?.name}`;
    const or = o.relocations.map((r) => rel(ours, r));
    const tr = t.relocations.map((r) => rel(theirs, r));
    for (let i = 0; i < Math.max(or.length, tr.length); i++) {
      if (or[i] !== tr[i]) {
        add(`${t.name} relocation ${i}: ours ${or[i] ?? "(none)"} | nasm ${tr[i] ?? "(none)"}`);
        break;
      }
    }
  }
  const sym = (obj: ObjectFile, i: number) => {
    const s = obj.symbols[i]!;
    return `${s.name} value=0x${s.value.toString(16)} size=${s.size} ${s.binding} ${s.type} ${symbolSection(obj, i)}`;
  };
  for (let i = 0; i < Math.max(ours.symbols.length, theirs.symbols.length); i++) {
    const a = i < ours.symbols.length ? sym(ours, i) : "(none)";
    const b = i < theirs.symbols.length ? sym(theirs, i) : "(none)";
    if (a !== b) {
      add(`symbol ${i}: ours ${a} | nasm ${b}`);
      break;
    }
  }
  return out;
}
