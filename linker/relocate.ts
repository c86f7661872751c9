// Builds the contents of each output section and applies the relocations of its
// input sections. S is the symbol's address, A the addend (in the section bytes
// for REL, explicit for RELA), P the address of the place being patched:
//   R_386_32, R_386_16, R_386_8       S + A
//   R_386_PC32, R_386_PC16, R_386_PC8 S + A - P   (R_386_PLT32 too: a static link has no PLT)
// Every undefined symbol, unsupported type and overflow is reported, not just the first.

import { DiagnosticBag } from "../common/diagnostics.js";
import {
  R_386_16, R_386_32, R_386_8, R_386_NONE, R_386_PC16, R_386_PC32, R_386_PC8, R_386_PLT32, SHF_ALLOC,
  SHF_EXECINSTR, SHT_NOBITS, type ObjectFile, type ObjectSymbol,
} from "../elf/types.js";
import { mapEhFrameOffset } from "./eh-frame.js";
import { addressIn, objectSymbolAddress, type Layout } from "./layout.js";
import type { Resolution } from "./resolve.js";
import type { InputSection, OutputSection } from "./types.js";

/** i386 relocation names for messages, including the ones a static link does not support. */
const RELOCATION_NAMES: Record<number, string> = {
  0: "R_386_NONE", 1: "R_386_32", 2: "R_386_PC32", 3: "R_386_GOT32", 4: "R_386_PLT32", 5: "R_386_COPY",
  6: "R_386_GLOB_DAT", 7: "R_386_JUMP_SLOT", 8: "R_386_RELATIVE", 9: "R_386_GOTOFF", 10: "R_386_GOTPC",
  11: "R_386_32PLT", 14: "R_386_TLS_TPOFF", 15: "R_386_TLS_IE", 16: "R_386_TLS_GOTIE", 17: "R_386_TLS_LE",
  18: "R_386_TLS_GD", 19: "R_386_TLS_LDM", 20: "R_386_16", 21: "R_386_PC16", 22: "R_386_8", 23: "R_386_PC8",
  37: "R_386_TLS_LE_32", 42: "R_386_IRELATIVE", 43: "R_386_GOT32X",
};

interface Kind {
  width: 1 | 2 | 4;
  pcRelative: boolean;
  /** How a too-large value is detected (bfd's complain_overflow_*). */
  overflow: "none" | "bitfield" | "signed";
}

const KINDS: Record<number, Kind> = {
  [R_386_32]: { width: 4, pcRelative: false, overflow: "none" },
  [R_386_PC32]: { width: 4, pcRelative: true, overflow: "none" },
  [R_386_PLT32]: { width: 4, pcRelative: true, overflow: "none" },
  [R_386_16]: { width: 2, pcRelative: false, overflow: "bitfield" },
  [R_386_PC16]: { width: 2, pcRelative: true, overflow: "bitfield" },
  [R_386_8]: { width: 1, pcRelative: false, overflow: "bitfield" },
  [R_386_PC8]: { width: 1, pcRelative: true, overflow: "signed" },
};

/** Does `value` (mod 2^32) fit `width` bytes? bitfield: signed or unsigned; signed: signed only. */
function fits(value: number, width: number, overflow: Kind["overflow"]): boolean {
  if (overflow === "none") return true;
  const bits = width * 8;
  const v = value | 0; // as signed 32-bit
  if (overflow === "signed") return v >= -(2 ** (bits - 1)) && v < 2 ** (bits - 1);
  return v >= -(2 ** bits) && v < 2 ** bits;
}

export function relocationName(type: number): string {
  return RELOCATION_NAMES[type] ?? `relocation type ${type}`;
}

/** The symbol whose code or data contains `offset` in section `index`, for messages. */
export function containingSymbol(obj: ObjectFile, index: number, offset: number): ObjectSymbol | undefined {
  let best: ObjectSymbol | undefined;
  for (const s of obj.symbols) {
    if (s.section.kind !== "section" || s.section.index !== index || s.type === "section" || s.type === "file" || !s.name) continue;
    if (s.type === "func" && s.size > 0 && offset >= s.value && offset < s.value + s.size) return s;
    if (s.value <= offset && (!best || s.value > best.value || (s.value === best.value && best.binding === "local" && s.binding !== "local"))) best = s;
  }
  return best;
}

function describePlace(obj: ObjectFile, input: InputSection, offset: number): string {
  const where = `${obj.name}(${input.name}+0x${offset.toString(16)})`;
  const owner = containingSymbol(obj, input.index, offset);
  if (!owner) return where;
  return input.flags & SHF_EXECINSTR ? `${where} in function '${owner.name}'` : `${where} in '${owner.name}'`;
}

export function applyRelocations(objects: ObjectFile[], resolution: Resolution, layout: Layout): void {
  const bag = new DiagnosticBag();
  const undefinedRefs = new Map<string, string[]>();

  for (const out of layout.sections) fillSection(out);
  writeCiePointers(resolution);

  objects.forEach((obj, file) => {
    for (const input of resolution.inputs[file]!) {
      if (!input || !input.output || !input.source) continue;
      const out: OutputSection = input.output;
      if (out.type === SHT_NOBITS || input.type === SHT_NOBITS) {
        // A (NOLOAD) section keeps no contents, so there is nothing to relocate.
        if (input.source.relocations.length > 0 && !out.loadedNobits) bag.error(`${obj.name}: relocations in ${input.name}, a section without contents`, undefined, { origin: "linker" });
        continue;
      }
      const allocated = (out.flags & SHF_ALLOC) !== 0;
      const view = new DataView(out.data.buffer, out.data.byteOffset, out.data.byteLength);
      for (const r of input.source.relocations) {
        if (r.type === R_386_NONE) continue;
        const kind = KINDS[r.type];
        if (!kind) {
          bag.error(`unsupported relocation ${relocationName(r.type)} at ${describePlace(obj, input, r.offset)} (ts386 link makes static executables: compile without -fpic/-fpie)`, undefined, { origin: "linker" });
          continue;
        }
        // In an edited .eh_frame the field may have moved, or gone with its record.
        const local = input.ehFrame ? mapEhFrameOffset(input.ehFrame, r.offset) : r.offset;
        if (local === undefined) continue;
        if (local + kind.width > input.size) {
          bag.error(`${obj.name}: relocation at ${input.name}+0x${r.offset.toString(16)} lies outside the section`, undefined, { origin: "linker" });
          continue;
        }
        const sym = obj.symbols[r.symbol]!;
        const target = symbolAddress(obj, file, sym);
        if (target.kind === "undefined") {
          const list = undefinedRefs.get(sym.name) ?? [];
          list.push(describePlace(obj, input, r.offset));
          undefinedRefs.set(sym.name, list);
          continue;
        }
        const at = input.offset + local;
        const addend = r.addend ?? readAddend(view, at, kind.width);
        if (target.kind === "discarded") {
          if (!allocated) continue; // debug info about discarded code keeps its zero
          // Name what is referred to: for a section symbol, the symbol at symbol + addend.
          let name = sym.name;
          if (sym.type === "section" && sym.section.kind === "section") {
            name = containingSymbol(obj, sym.section.index, sym.value + addend + (kind.pcRelative ? kind.width : 0))?.name ?? sym.name;
          }
          bag.error(`${describePlace(obj, input, r.offset)} refers to '${name}', which is in section ${target.section} discarded by /DISCARD/`, undefined, { origin: "linker" });
          continue;
        }
        const place = (out.address + at) >>> 0;
        let symbolPlusAddend = target.value + addend;
        if (sym.type === "section" && target.input?.merged) {
          // A section symbol + addend into a merged section names the entry at that
          // offset (for PC-relative types, the offset after the field), as in ld.
          const adjust = kind.pcRelative ? kind.width : 0;
          symbolPlusAddend = addressIn(target.input, sym.value + addend + adjust) - adjust;
        }
        const value = (symbolPlusAddend - (kind.pcRelative ? place : 0)) >>> 0;
        if (!fits(value, kind.width, kind.overflow)) {
          bag.error(`relocation truncated to fit: ${relocationName(r.type)} against '${sym.name}' (value 0x${value.toString(16)}) at ${describePlace(obj, input, r.offset)}`, undefined, { origin: "linker" });
          continue;
        }
        if (kind.width === 4) view.setUint32(at, value, true);
        else if (kind.width === 2) view.setUint16(at, value & 0xffff, true);
        else view.setUint8(at, value & 0xff);
      }
    }
  });

  for (const [name, places] of undefinedRefs) {
    const shown = places.slice(0, 10);
    for (const p of shown) bag.error(`undefined symbol '${name}' referenced from ${p}`, undefined, { origin: "linker" });
    if (places.length > shown.length) bag.error(`undefined symbol '${name}': ${places.length - shown.length} more references not shown`, undefined, { origin: "linker" });
  }
  bag.throwIfErrors();

  type Target = { kind: "address"; value: number; input?: InputSection } | { kind: "undefined" } | { kind: "discarded"; section: string };

  function symbolAddress(obj: ObjectFile, file: number, sym: ObjectSymbol): Target {
    if (sym.binding === "local") {
      if (sym.section.kind === "absolute") return { kind: "address", value: sym.value };
      if (sym.section.kind !== "section") return { kind: "undefined" };
      const input = resolution.inputs[file]![sym.section.index];
      if (!input || input.output === null || input.output === undefined) {
        return { kind: "discarded", section: `${obj.name}(${obj.sections[sym.section.index]!.name})` };
      }
      return { kind: "address", value: addressIn(input, sym.value), input };
    }
    const scripted = layout.scriptSymbols.get(sym.name);
    if (scripted) return { kind: "address", value: scripted.value };
    const g = resolution.globals.get(sym.name)!;
    // An undefined weak reference resolves to 0; a strong one is an error.
    if (!g.definition) return sym.binding === "weak" ? { kind: "address", value: 0 } : { kind: "undefined" };
    const addr = objectSymbolAddress(objects, resolution, g);
    if (addr) return { kind: "address", value: addr.value };
    const def = g.definition;
    if (def.kind === "object") {
      const defObj = objects[def.file]!;
      const ds = defObj.symbols[def.symbol]!;
      if (ds.section.kind === "section") return { kind: "discarded", section: `${defObj.name}(${defObj.sections[ds.section.index]!.name})` };
    }
    return { kind: "undefined" };
  }
}

/** Points each kept FDE of an edited .eh_frame at its (possibly shared) CIE: the distance back from the field. */
function writeCiePointers(resolution: Resolution): void {
  for (const input of resolution.inputs.flat()) {
    if (!input?.ehFrame || !input.output) continue;
    const view = new DataView(input.output.data.buffer, input.output.data.byteOffset, input.output.data.byteLength);
    for (const p of input.ehFrame.ciePointers) {
      const cie = mapEhFrameOffset(p.cie.ehFrame!, p.cieStart)!;
      const field = input.offset + p.at;
      view.setUint32(field, (field - (p.cie.offset + cie)) >>> 0, true);
    }
  }
}

function readAddend(view: DataView, at: number, width: number): number {
  if (width === 4) return view.getInt32(at, true);
  if (width === 2) return view.getInt16(at, true);
  return view.getInt8(at);
}

/**
 * Copies each input section's bytes to its place in the output section. Gaps
 * (alignment padding, `. = ...`) get the script's fill pattern, else zeros, or
 * in code sections the NOPs GNU ld uses for i386 (bfd_arch_i386_short_nop_fill:
 * `66 90` pairs, then one `90`).
 */
function fillSection(out: OutputSection): void {
  if (out.type === SHT_NOBITS) {
    out.data = new Uint8Array(0);
    return;
  }
  out.data = new Uint8Array(out.size);
  const code = (out.flags & SHF_EXECINSTR) !== 0;
  let covered = 0;
  const pad = (from: number, to: number) => {
    // The script's fill pattern in effect there, repeated from the gap's start.
    const fill = out.fills.filter((f) => f.from <= from).pop();
    if (fill) {
      for (let k = 0; k < to - from; k++) out.data[from + k] = fill.pattern[k % fill.pattern.length]!;
      return;
    }
    if (!code) return;
    const pairs = Math.floor((to - from) / 2) * 2;
    for (let k = 0; k < to - from; k++) out.data[from + k] = k < pairs && k % 2 === 0 ? 0x66 : 0x90;
  };
  // Input sections (NOBITS ones stay zero) and the script's data statements, in address order.
  const pieces = [
    ...out.inputs.filter((s) => s.size > 0).map((s) => ({ offset: s.offset, size: s.size, bytes: s.type === SHT_NOBITS ? undefined : s.data.subarray(0, s.size) })),
    ...out.scriptData.map((d) => ({ offset: d.offset, size: d.bytes.length, bytes: d.bytes })),
  ].sort((a, b) => a.offset - b.offset);
  for (const piece of pieces) {
    pad(covered, piece.offset);
    if (piece.bytes) out.data.set(piece.bytes, piece.offset);
    covered = Math.max(covered, piece.offset + piece.size);
  }
  pad(covered, out.size);
}
