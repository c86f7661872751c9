// The linker's library entry point, used by `ts386 link` and in-process by
// `ts386 build`. Stages, each working on the previous one's result:
//   parse script → resolve symbols → place sections (script, orphans)
//   → merge SHF_MERGE sections, edit .eh_frame → lay out addresses
//   → apply relocations → group segments, assign file offsets → write ELF.
// The input objects are not modified, so they can be linked again.

import { DiagnosticError, fail, sourceExcerpt } from "../common/diagnostics.js";
import { PF_R, PF_W, PF_X, SHF_EXECINSTR, type ObjectFile } from "../elf/types.js";
import { defaultScript } from "./default-scripts.js";
import { layOut, objectSymbolAddress, type Layout } from "./layout.js";
import { editEhFrames } from "./eh-frame.js";
import { mergeSections } from "./merge-sections.js";
import { placeSections } from "./place-sections.js";
import { applyRelocations } from "./relocate.js";
import { resolveSymbols, type Resolution } from "./resolve.js";
import { parseScript } from "./script/parser.js";
import type { Script } from "./script/ast.js";
import { assignFileOffsets, ELF_HEADER_SIZE, findOverlap, groupNotes, groupSegments, PROGRAM_HEADER_SIZE } from "./segments.js";
import { buildSymbolTable } from "./symbol-table.js";
import type { LinkOptions, LinkResult, LoadSegment, OutputSection } from "./types.js";
import { programHeaderCount, writeExecutable } from "./write-executable.js";

export type { LinkOptions, LinkResult, Target } from "./types.js";

export function link(objects: ObjectFile[], options: LinkOptions): LinkResult {
  const source = options.script ?? defaultScript(options.target);
  try {
    return linkWithScript(objects, options, parseScript(source.text, source.fileName));
  } catch (e) {
    // Errors found while laying out point into the script: show the line and a caret.
    if (!(e instanceof DiagnosticError)) throw e;
    throw new DiagnosticError(e.diagnostics.map((d) => d.location?.file === source.fileName && !d.notes
      ? { ...d, notes: sourceExcerpt(source.text, d.location.line, d.location.column) }
      : d));
  }
}

function linkWithScript(objects: ObjectFile[], options: LinkOptions, script: Script): LinkResult {
  const resolution = resolveSymbols(objects);
  const plan = placeSections(objects, resolution, script);
  mergeSections(resolution.inputs.flat().filter((s) => s !== null));
  editEhFrames(objects, resolution);
  const stackFlags = stackPermissions(objects, options);

  // SIZEOF_HEADERS depends on the number of segments, which depends on the
  // layout: lay out again until the count agrees (twice at most in practice).
  let phnum = programHeaderCount(2, 0, stackFlags);
  let layout: Layout;
  let segments: LoadSegment[];
  let notes: OutputSection[][];
  for (let round = 0; ; round++) {
    const headersSize = ELF_HEADER_SIZE + phnum * PROGRAM_HEADER_SIZE;
    layout = layOut(objects, resolution, plan, headersSize);
    segments = groupSegments(layout.sections, layout.usesHeaderSize ? headersSize : undefined);
    notes = groupNotes(layout.sections);
    const needed = programHeaderCount(segments.length, notes.length, stackFlags);
    if (needed === phnum || !layout.usesHeaderSize) {
      phnum = needed;
      break;
    }
    if (round === 3) fail("the layout does not settle: SIZEOF_HEADERS keeps changing the number of segments", undefined, { origin: "linker" });
    phnum = needed;
  }

  const overlap = findOverlap(layout.sections);
  if (overlap) {
    const { a, b, load } = overlap;
    const range = (s: typeof a) => {
      const start = load ? s.loadAddress : s.address;
      return `${load ? "load addresses " : ""}[0x${start.toString(16)}, 0x${(start + s.size).toString(16)})`;
    };
    fail(`section '${b.name}' ${range(b)} overlaps section '${a.name}' ${range(a)}`, undefined, { origin: "linker" });
  }

  const entry = entryAddress(objects, resolution, layout, script, options);
  layout.sections.forEach((s, i) => (s.headerIndex = i + 1));
  applyRelocations(objects, resolution, layout);
  const endOfSections = assignFileOffsets(layout.sections, segments, ELF_HEADER_SIZE + phnum * PROGRAM_HEADER_SIZE);
  const symbols = buildSymbolTable(objects, resolution, layout);
  const bytes = writeExecutable({ entry, sections: layout.sections, segments, notes, stackFlags, symbols, endOfSections });

  return {
    bytes,
    entry,
    symbols: symbols.addresses,
    sections: layout.sections.map((s) => ({ name: s.name, address: s.address, loadAddress: s.loadAddress, size: s.size, flags: s.flags, type: s.type })),
    segments: segments.map((s) => ({ address: s.address, loadAddress: s.loadAddress, fileOffset: s.fileOffset, fileSize: s.fileSize, memorySize: s.memorySize, flags: s.flags })),
  };
}

/**
 * PT_GNU_STACK: a Linux program always gets a non-executable stack (RW-). For a
 * kernel we do what GNU ld does: the header appears when some object has a
 * .note.GNU-stack section, executable if a note asks for it or an object has none.
 */
function stackPermissions(objects: ObjectFile[], options: LinkOptions): number | undefined {
  if (options.target === "linux") return PF_R | PF_W;
  const notes = objects.map((o) => o.sections.find((s) => s.name === ".note.GNU-stack"));
  if (notes.every((n) => n === undefined)) return undefined;
  const executable = notes.some((n) => n === undefined || (n.flags & SHF_EXECINSTR) !== 0);
  return PF_R | PF_W | (executable ? PF_X : 0);
}

/**
 * The entry point: the --entry option, else the script's ENTRY() (either must
 * exist). Otherwise GNU ld's fallback for a -T script without ENTRY: the symbol
 * `start`, else the start of .text, else 0; the built-in layouts try `_start`
 * before that.
 */
function entryAddress(objects: ObjectFile[], resolution: Resolution, layout: Layout, script: Script, options: LinkOptions): number {
  const named = options.entry ?? script.entry?.symbol;
  const lookup = (name: string): number | undefined => {
    const s = layout.scriptSymbols.get(name);
    if (s) return s.value;
    const g = resolution.globals.get(name);
    return g ? objectSymbolAddress(objects, resolution, g)?.value : undefined;
  };
  if (named !== undefined) {
    const v = lookup(named);
    if (v === undefined) {
      const at = options.entry === undefined ? script.entry?.at : undefined;
      fail(`entry symbol '${named}' is not defined`, at, at ? {} : { origin: "linker" });
    }
    return v;
  }
  const start = (options.script === undefined ? lookup("_start") : undefined) ?? lookup("start");
  if (start !== undefined) return start;
  return layout.sections.find((s) => s.name === ".text")?.address ?? 0;
}
