// .eh_frame as GNU ld treats it (bfd/elf-eh-frame.c): the unwind records of all
// objects are read, FDEs that describe discarded code are dropped, and a CIE
// identical to an earlier one (same bytes, same relocations) is dropped too,
// its FDEs pointing to the earlier copy instead. Each input section keeps its
// remaining records in order; references into it are mapped to their new
// offsets, and FDE-to-CIE pointers are rewritten once sections are placed.

import type { ObjectFile } from "../elf/types.js";
import type { Resolution } from "./resolve.js";
import type { InputSection } from "./types.js";

/** One CIE, FDE or zero terminator of an input .eh_frame. */
interface UnwindRecord {
  kind: "cie" | "fde" | "terminator";
  start: number;
  end: number;
  /** For an FDE: the start of its CIE in the same input section. */
  cieStart: number;
  kept: boolean;
  /** Offset in the edited section; -1 when dropped. */
  newStart: number;
}

/** What became of an edited .eh_frame input section's records. */
export interface EhFrameEdit {
  records: UnwindRecord[];
  /** FDE CIE-pointer fields (new offsets) and the CIE they must point to. */
  ciePointers: { at: number; cie: InputSection; cieStart: number }[];
}

/** Edits every kept .eh_frame input section in place (contents, size, edit map). */
export function editEhFrames(objects: ObjectFile[], resolution: Resolution): void {
  const canonical = new Map<string, { section: InputSection; record: UnwindRecord }>();
  const parsed: { input: InputSection; records: UnwindRecord[] }[] = [];
  objects.forEach((obj, file) => {
    for (const input of resolution.inputs[file]!) {
      if (!input || input.name !== ".eh_frame" || !input.output || !input.source) continue;
      const records = parse(input.data.subarray(0, input.size));
      if (records) parsed.push({ input, records });
    }
  });

  // Which FDEs survive, and which CIE (first of its kind) each one will use.
  const cieOf = new Map<UnwindRecord, { section: InputSection; record: UnwindRecord }>();
  for (const { input, records } of parsed) {
    const obj = objects[input.file]!;
    for (const r of records) {
      if (r.kind !== "cie") continue;
      const key = cieKey(obj, input, r);
      if (!canonical.has(key)) canonical.set(key, { section: input, record: r });
      cieOf.set(r, canonical.get(key)!);
    }
    for (const r of records) {
      if (r.kind !== "fde") continue;
      const cie = records.find((c) => c.kind === "cie" && c.start === r.cieStart);
      r.kept = cie !== undefined && !describesDiscardedCode(objects, resolution, input, r);
      // A CIE stays if a kept FDE uses it or a copy of it.
      if (r.kept) cieOf.get(cie!)!.record.kept = true;
    }
  }

  // New contents: the kept records in order.
  for (const { input, records } of parsed) {
    const old = input.data;
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (const r of records) {
      r.newStart = r.kept ? size : -1;
      if (!r.kept) continue;
      chunks.push(old.subarray(r.start, r.end));
      size += r.end - r.start;
    }
    const data = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      data.set(c, at);
      at += c.length;
    }
    const ciePointers: EhFrameEdit["ciePointers"] = [];
    for (const r of records) {
      if (r.kind !== "fde" || !r.kept) continue;
      const cie = cieOf.get(records.find((c) => c.kind === "cie" && c.start === r.cieStart)!)!;
      ciePointers.push({ at: r.newStart + 4, cie: cie.section, cieStart: cie.record.start });
    }
    input.data = data;
    input.size = size;
    input.ehFrame = { records, ciePointers };
  }
}

/** Splits an .eh_frame into records; undefined if it is not well formed (then it is left alone, as ld does). */
function parse(data: Uint8Array): UnwindRecord[] | undefined {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const records: UnwindRecord[] = [];
  let p = 0;
  while (p < data.length) {
    if (p + 4 > data.length) return undefined;
    const length = view.getUint32(p, true);
    if (length === 0xffffffff) return undefined; // 64-bit DWARF: not for i386
    const end = p + 4 + length;
    if (end > data.length || (length > 0 && length < 4)) return undefined;
    if (length === 0) {
      // A zero terminator stays where it is.
      records.push({ kind: "terminator", start: p, end, cieStart: p, kept: true, newStart: 0 });
      p = end;
      continue;
    }
    const id = view.getUint32(p + 4, true);
    records.push({ kind: id === 0 ? "cie" : "fde", start: p, end, cieStart: id === 0 ? p : p + 4 - id, kept: false, newStart: 0 });
    p = end;
  }
  return records;
}

/** A CIE's identity: its bytes, and what its relocations (a personality routine) refer to. */
function cieKey(obj: ObjectFile, input: InputSection, r: UnwindRecord): string {
  const bytes = Buffer.from(input.data.subarray(r.start, r.end)).toString("hex");
  const relocs = input.source!.relocations.filter((x) => x.offset >= r.start && x.offset < r.end).map((x) => {
    const s = obj.symbols[x.symbol]!;
    const target = s.binding === "local" ? `${input.file}:${x.symbol}` : s.name;
    return `${x.offset - r.start}:${x.type}:${target}:${x.addend ?? ""}`;
  });
  return `${bytes}|${relocs.join(",")}`;
}

/** Whether an FDE's first relocation (its initial location) points into a discarded section. */
function describesDiscardedCode(objects: ObjectFile[], resolution: Resolution, input: InputSection, r: UnwindRecord): boolean {
  const obj = objects[input.file]!;
  const reloc = input.source!.relocations.find((x) => x.offset >= r.start + 8 && x.offset < r.end);
  if (!reloc) return false;
  const sym = obj.symbols[reloc.symbol]!;
  if (sym.section.kind !== "section") {
    if (sym.binding === "local") return false;
    const g = resolution.globals.get(sym.name);
    if (!g || g.definition?.kind !== "object") return false;
    const def = objects[g.definition.file]!.symbols[g.definition.symbol]!;
    if (def.section.kind !== "section") return false;
    return resolution.inputs[g.definition.file]![def.section.index]?.output === null;
  }
  return resolution.inputs[input.file]![sym.section.index]?.output === null;
}

/** The new offset of an original offset in an edited .eh_frame, or undefined if its record was dropped. */
export function mapEhFrameOffset(edit: EhFrameEdit, offset: number): number | undefined {
  const r = edit.records.find((x) => offset >= x.start && offset < x.end) ?? edit.records.find((x) => offset === x.end);
  if (!r || !r.kept) return undefined;
  return r.newStart + (offset - r.start);
}
