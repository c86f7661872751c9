// Decides which output section each input section goes to, and in what order:
// the script's input section descriptions in script order (a section goes to the
// first description that matches it; within one description, file by file in
// command-line order), /DISCARD/ drops, and sections no description matched
// ("orphans") are placed the way GNU ld's ldelf_place_orphan places them.
// The result is a plan: the script's statements with orphan sections inserted.

import {
  SHF_ALLOC, SHF_EXECINSTR, SHF_MERGE, SHF_STRINGS, SHF_WRITE, SHT_NOBITS, SHT_NOTE, SHT_PROGBITS, type ObjectFile,
} from "../elf/types.js";
import type { SourceLocation } from "../common/diagnostics.js";
import { fail } from "../common/diagnostics.js";
import type { Resolution } from "./resolve.js";
import type { Assertion, Assignment, DataStatement, FillStatement, OutputSectionStatement, Script } from "./script/ast.js";
import type { InputSection, OutputSection } from "./types.js";

/** The contents of an output section in order: assignments, data statements and runs of input sections. */
export type SectionContent =
  | { kind: "assignment"; assignment: Assignment }
  | { kind: "assert"; assertion: Assertion }
  | { kind: "fill"; fill: FillStatement }
  | { kind: "data"; data: DataStatement }
  | { kind: "inputs"; sections: InputSection[] };

export type PlanItem =
  | { kind: "assignment"; assignment: Assignment }
  | { kind: "assert"; assertion: Assertion }
  | { kind: "section"; output: OutputSection; statement?: OutputSectionStatement; contents: SectionContent[]; at?: SourceLocation };

/** Orphan categories, GNU ld's `hold` places for ELF. */
type Category = "text" | "rodata" | "data" | "bss" | "note" | "nonalloc";
const CATEGORY_SECTION: Record<Category, string> = { text: ".text", rodata: ".rodata", data: ".data", bss: ".bss", note: ".interp", nonalloc: ".comment" };
const CATEGORY_ORDER: Category[] = ["text", "rodata", "data", "bss"];

function categoryOf(s: { type: number; flags: number }): Category {
  if ((s.flags & SHF_ALLOC) === 0) return "nonalloc";
  if (s.type === SHT_NOTE) return "note";
  if (s.type === SHT_NOBITS) return "bss";
  if (s.flags & SHF_WRITE) return "data";
  if (s.flags & SHF_EXECINSTR) return "text";
  return "rodata";
}

/** ld glob: `*`, `?` and `[...]` (with `!` or `^` negation). */
export function globToRegExp(glob: string): RegExp {
  let re = "^";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*") re += ".*";
    else if (c === "?") re += ".";
    else if (c === "[") {
      const end = glob.indexOf("]", i + 2);
      if (end < 0) re += "\\[";
      else {
        let body = glob.slice(i + 1, end);
        if (body.startsWith("!") || body.startsWith("^")) body = "^" + body.slice(1);
        re += `[${body.replace(/\\/g, "\\\\")}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\/]/g, "\\$&");
  }
  return new RegExp(re + "$");
}

function newOutput(name: string): OutputSection {
  return { name, type: SHT_NOBITS, flags: 0, align: 1, address: 0, loadAddress: 0, size: 0, inputs: [], scriptData: [], fills: [], loadedNobits: false, noload: false, listIndex: 0, fileOffset: 0, entsize: 0, headerIndex: 0, data: new Uint8Array(0) };
}

/**
 * Adds an input section to an output section: permission flags are the union,
 * the merge flags survive only if every input shares them and the entry size,
 * the entry size only if every input has the same,
 * PROGBITS wins over NOBITS.
 */
export function attach(output: OutputSection, input: InputSection): void {
  input.output = output;
  const merge = input.flags & (SHF_MERGE | SHF_STRINGS);
  const entsize = input.source?.entsize ?? 0;
  if (output.inputs.length === 0) {
    output.flags |= merge;
    output.entsize = entsize;
  } else {
    if ((output.flags & (SHF_MERGE | SHF_STRINGS)) !== merge || output.entsize !== entsize) output.flags &= ~(SHF_MERGE | SHF_STRINGS);
    if (output.entsize !== entsize) output.entsize = 0;
  }
  output.inputs.push(input);
  output.flags |= input.flags & (SHF_ALLOC | SHF_WRITE | SHF_EXECINSTR);
  if (input.type !== SHT_NOBITS) output.type = input.type === SHT_PROGBITS ? SHT_PROGBITS : (output.type === SHT_NOBITS ? input.type : output.type);
  output.align = Math.max(output.align, input.align);
}

export function placeSections(objects: ObjectFile[], resolution: Resolution, script: Script): PlanItem[] {
  // Every input section, in command-line order, with the per-object COMMON section last.
  const perFile: InputSection[][] = objects.map((_, file) => {
    const list = resolution.inputs[file]!.filter((s): s is InputSection => s !== null);
    const common = resolution.commons[file];
    if (common) list.push(common);
    return list;
  });

  const plan: PlanItem[] = [];
  const byName = new Map<string, Extract<PlanItem, { kind: "section" }>>();
  for (const stmt of script.statements) {
    if (stmt.kind === "assignment") {
      plan.push({ kind: "assignment", assignment: stmt });
      continue;
    }
    if (stmt.kind === "assert") {
      plan.push({ kind: "assert", assertion: stmt });
      continue;
    }
    if (stmt.name !== "/DISCARD/" && byName.has(stmt.name)) {
      fail(`output section '${stmt.name}' is defined twice (ts386 link needs one statement per output section)`, stmt.at);
    }
    const item: Extract<PlanItem, { kind: "section" }> = { kind: "section", output: newOutput(stmt.name), statement: stmt, contents: [], at: stmt.at };
    if (stmt.name !== "/DISCARD/") byName.set(stmt.name, item);
    plan.push(item);
  }

  // Match input section descriptions in script order.
  for (const item of plan) {
    if (item.kind !== "section") continue;
    const discard = item.output.name === "/DISCARD/";
    for (const content of item.statement!.items) {
      if (content.kind === "assignment") {
        item.contents.push({ kind: "assignment", assignment: content });
        continue;
      }
      if (content.kind === "assert") {
        item.contents.push({ kind: "assert", assertion: content });
        continue;
      }
      if (content.kind === "fill") {
        item.contents.push({ kind: "fill", fill: content });
        continue;
      }
      if (content.kind === "data") {
        if (discard) fail(`data statements in /DISCARD/ make no sense`, content.at);
        item.contents.push({ kind: "data", data: content });
        continue;
      }
      const fileRe = globToRegExp(content.file.text);
      const excluded = (res: RegExp[], name: string) => res.some((re) => re.test(name));
      const fileExcludes = content.excludeFiles.map((p) => globToRegExp(p.text));
      const patterns = content.sections.map((p) => ({
        re: globToRegExp(p.text), sort: p.sort, excludes: (p.excludeFiles ?? []).map((x) => globToRegExp(x.text)),
      }));
      const matched: InputSection[] = [];
      const sorted: { section: InputSection; sort: "name" | "alignment" }[] = [];
      objects.forEach((obj, file) => {
        // Like ld: the pattern is matched against the path as given on the command line.
        if (!fileRe.test(obj.name) || excluded(fileExcludes, obj.name)) return;
        for (const s of perFile[file]!) {
          if (s.output !== undefined) continue;
          const pattern = patterns.find((p) => p.re.test(s.name) && !excluded(p.excludes, obj.name));
          if (!pattern) continue;
          if (discard) s.output = null;
          else if (pattern.sort) sorted.push({ section: s, sort: pattern.sort });
          else matched.push(s);
        }
      });
      // ld puts the sections a SORT pattern matched after the others, sorted
      // (stably) by name, or by decreasing alignment.
      sorted.sort((a, b) => a.sort === "name" ? (a.section.name < b.section.name ? -1 : a.section.name > b.section.name ? 1 : 0)
        : b.section.align - a.section.align);
      matched.push(...sorted.map((x) => x.section));
      for (const s of matched) attach(item.output, s);
      if (!discard) item.contents.push({ kind: "inputs", sections: matched });
    }
  }

  // ld's list of output sections, which is the section header order: a
  // statement's section exists once it gets an input or holds a statement.
  const list: OutputSection[] = [];
  for (const item of plan) {
    if (item.kind === "section" && item.output.name !== "/DISCARD/" && (item.output.inputs.length > 0 || item.contents.some((c) => c.kind !== "inputs"))) {
      list.push(item.output);
    }
  }
  placeOrphans(perFile, plan, byName, list);
  list.forEach((o, i) => (o.listIndex = i));
  return plan.filter((p) => p.kind !== "section" || p.output.name !== "/DISCARD/");
}

/**
 * GNU ld's orphan placement (ld/ldelf.c ldelf_place_orphan, ld/ldlang.c
 * lang_insert_orphan): an orphan joins an output section of its own name if there
 * is one; otherwise it gets a new output section of its name, placed after the
 * output section of its kind (.text for code, .rodata for read-only data, .data
 * for writable data, .bss for zero-initialised data), or after the last one of a
 * similar kind, and after earlier orphans of its kind. Non-allocated orphans go to
 * the end at address 0. A COMMON section nobody asked for goes to `.bss`.
 */
function placeOrphans(perFile: InputSection[][], plan: PlanItem[], byName: Map<string, Extract<PlanItem, { kind: "section" }>>, list: OutputSection[]): void {
  const lastOrphan = new Map<Category, PlanItem>();
  const ensureListed = (o: OutputSection) => {
    if (!list.includes(o)) list.push(o);
  };
  let sawOrphan = false;
  for (const fileSections of perFile) {
    for (const s of fileSections) {
      if (s.output !== undefined) continue;
      const name = s.name;
      if (!(name === "COMMON" && s.index === -1) && !sawOrphan) {
        sawOrphan = true;
        markHoldSections(byName);
      }
      if (name === "COMMON" && s.index === -1) {
        let bss = byName.get(".bss");
        if (!bss) {
          bss = { kind: "section", output: newOutput(".bss"), contents: [] };
          byName.set(".bss", bss);
          plan.push(bss);
        }
        appendInput(bss, s);
        ensureListed(bss.output);
        continue;
      }
      const existing = byName.get(name);
      if (existing && ((existing.output.flags ^ s.flags) & SHF_ALLOC) === 0 || existing && existing.output.inputs.length === 0) {
        appendInput(existing, s);
        ensureListed(existing.output);
        continue;
      }
      const category = categoryOf(s);
      const item: Extract<PlanItem, { kind: "section" }> = { kind: "section", output: newOutput(name), contents: [] };
      appendInput(item, s);
      byName.set(name, item);
      if (category === "nonalloc") {
        plan.push(item);
        list.push(item.output);
        continue;
      }
      const previous = lastOrphan.get(category);
      let listAfter: OutputSection | undefined;
      if (previous && previous.kind === "section") {
        plan.splice(plan.indexOf(previous) + 1, 0, item);
        listAfter = previous.output;
      } else {
        const after = category === "note" ? findAfterForNote(plan, list) : findAfter(plan, category, byName);
        plan.splice(insertionPoint(plan, after), 0, item);
        // In the section list: after that section, or the closest earlier one that exists.
        for (let i = after; i >= 0 && !listAfter; i--) {
          const p = plan[i]!;
          if (p.kind === "section" && list.includes(p.output)) listAfter = p.output;
        }
      }
      list.splice(listAfter ? list.indexOf(listAfter) + 1 : 0, 0, item.output);
      lastOrphan.set(category, item);
    }
  }
}

/**
 * ld's orphan placer, the first time it runs, gives the script's .text, .rodata,
 * .data and .bss statements the flags of their kind (ldelf.c, orphan_init_done);
 * they show in the header of such a section if it has no input of its own.
 */
function markHoldSections(byName: Map<string, Extract<PlanItem, { kind: "section" }>>): void {
  const hold: Record<string, { flags: number }> = {
    ".text": { flags: SHF_ALLOC | SHF_EXECINSTR },
    ".rodata": { flags: SHF_ALLOC },
    ".data": { flags: SHF_ALLOC | SHF_WRITE },
    ".bss": { flags: SHF_ALLOC | SHF_WRITE },
  };
  for (const [name, kind] of Object.entries(hold)) {
    const item = byName.get(name);
    if (item?.statement) item.output.kindFlags = kind;
  }
}

function appendInput(item: Extract<PlanItem, { kind: "section" }>, s: InputSection): void {
  attach(item.output, s);
  const last = item.contents[item.contents.length - 1];
  if (last && last.kind === "inputs") last.sections.push(s);
  else item.contents.push({ kind: "inputs", sections: [s] });
}

/** The output section an orphan of `category` follows, or -1 for the start. */
function findAfter(plan: PlanItem[], category: Category, byName: Map<string, Extract<PlanItem, { kind: "section" }>>): number {
  const named = byName.get(CATEGORY_SECTION[category]);
  if (named && named.statement) return plan.indexOf(named);
  // The last allocated output section of this kind, then of the kinds before it.
  for (let c = CATEGORY_ORDER.indexOf(category); c >= 0; c--) {
    for (let i = plan.length - 1; i >= 0; i--) {
      const p = plan[i]!;
      if (p.kind === "section" && p.statement && p.output.inputs.length > 0 && p.output.name !== "/DISCARD/"
        && categoryOf(p.output) === CATEGORY_ORDER[c]) return i;
    }
  }
  for (let i = plan.length - 1; i >= 0; i--) {
    const p = plan[i]!;
    if (p.kind === "section" && p.output.name !== "/DISCARD/" && (p.output.flags & SHF_ALLOC)) return i;
  }
  return -1;
}

/** The flags GNU ld's lang_output_section_find_by_flags compares (bfd's SEC_*). */
interface LdFlags {
  contents: boolean;
  alloc: boolean;
  load: boolean;
  readonly: boolean;
  code: boolean;
}

/**
 * An output section's flags as ld sees them while placing orphans: for one
 * that exists (has inputs or statements), those of its inputs (data
 * statements make read-only data); otherwise the flags of its kind (.text,
 * .rodata...) or none. `type` is its ELF type, when it has one yet.
 */
function ldFlagsOf(item: Extract<PlanItem, { kind: "section" }>, exists: boolean): { flags: LdFlags; type?: number } {
  const out = item.output;
  if (exists && out.inputs.length > 0) {
    const progbits = out.inputs.some((s) => s.type !== SHT_NOBITS);
    return {
      flags: { contents: progbits, alloc: (out.flags & SHF_ALLOC) !== 0, load: progbits, readonly: (out.flags & SHF_WRITE) === 0, code: (out.flags & SHF_EXECINSTR) !== 0 },
      type: out.inputs[0]!.type,
    };
  }
  if (exists) {
    const data = item.contents.some((c) => c.kind === "data");
    return { flags: { contents: data, alloc: data, load: data, readonly: data, code: false } };
  }
  const kind = out.kindFlags?.flags;
  if (kind === undefined) return { flags: { contents: false, alloc: false, load: false, readonly: false, code: false } };
  const bss = out.name === ".bss";
  return { flags: { contents: !bss, alloc: true, load: !bss, readonly: (kind & SHF_WRITE) === 0, code: (kind & SHF_EXECINSTR) !== 0 } };
}

/**
 * Where ld puts a note orphan when there is no .interp
 * (lang_output_section_find_by_flags): after the last output section with the
 * same flags, first among sections of its own ELF type (or not yet typed),
 * else after the last read-only one with contents (code counts), then the same
 * two searches among all sections; at the start if none matches.
 */
function findAfterForNote(plan: PlanItem[], list: OutputSection[]): number {
  const note: LdFlags = { contents: true, alloc: true, load: true, readonly: true, code: false };
  const exact = (f: LdFlags) => f.contents === note.contents && f.alloc === note.alloc && f.load === note.load && f.readonly === note.readonly && f.code === note.code;
  const readOnlyData = (f: LdFlags) => f.contents === note.contents && f.load === note.load && f.readonly === note.readonly;
  const search = (match: (f: LdFlags) => boolean, byType: boolean) => {
    let found = -1;
    plan.forEach((p, i) => {
      if (p.kind !== "section" || p.output.name === "/DISCARD/") return;
      const exists = list.includes(p.output);
      const { flags, type } = ldFlagsOf(p, exists);
      if (byType && exists && type !== SHT_NOTE) return;
      if (match(flags)) found = i;
    });
    return found;
  };
  for (const byType of [true, false]) {
    const found = [search(exact, byType), search(readOnlyData, byType)].find((i) => i >= 0);
    if (found !== undefined) return found;
  }
  return -1;
}

/**
 * ld's insert_os_after: after the chosen output section, step over the
 * assignments that follow it, but stop before an assignment to `.` that sets up
 * the next output section.
 */
function insertionPoint(plan: PlanItem[], after: number): number {
  let dotAssignment = -1;
  let ignoreFirst = after < 0;
  for (let i = after + 1; i < plan.length; i++) {
    const p = plan[i]!;
    if (p.kind === "assert") continue;
    if (p.kind === "assignment") {
      if (dotAssignment < 0 && p.assignment.target === ".") {
        if (!ignoreFirst) dotAssignment = i;
        ignoreFirst = false;
      }
      continue;
    }
    // Before the assignment to `.`, unless what follows it is a non-allocated
    // section that already has inputs (ld keeps those out of the address flow).
    const nonAllocWithInputs = p.kind === "section" && p.output.inputs.length > 0 && (p.output.flags & SHF_ALLOC) === 0;
    return dotAssignment >= 0 && !nonAllocWithInputs ? dotAssignment : i;
  }
  return plan.length;
}
