// Assigns addresses: walks the plan with the location counter `.`, evaluating the
// script's assignments in order, aligning and sizing each output section and
// placing its input sections inside it. One pass, in script order, like a
// reader of the script would: an expression that needs an address not yet
// known (a symbol in a later section) is an error at its place in the script.

import { fail, type SourceLocation } from "../common/diagnostics.js";
import { SHF_ALLOC, SHF_EXECINSTR, SHF_WRITE, SHT_NOBITS, SHT_PROGBITS, type ObjectFile } from "../elf/types.js";
import type { PlanItem } from "./place-sections.js";
import type { Resolution } from "./resolve.js";
import type { Assertion, Assignment, BinaryOperator, DataStatement, Expression } from "./script/ast.js";
import { alignTo, evaluate, toAddress, type Relative, type Scope, type Value } from "./script/evaluate.js";
import { mapEhFrameOffset } from "./eh-frame.js";
import { mapMergedOffset } from "./merge-sections.js";
import type { GlobalSymbol, InputSection, OutputSection } from "./types.js";

/** The address of `offset` in a placed input section (mapped if the section was merged). */
export function addressIn(input: InputSection, offset: number): number {
  if (input.merged) {
    const m = mapMergedOffset(input, offset);
    return (m.section.output!.address + m.section.offset + m.offset) >>> 0;
  }
  // In an edited .eh_frame, a place in a dropped record keeps its old offset (nothing refers there).
  const edited = input.ehFrame ? mapEhFrameOffset(input.ehFrame, offset) ?? offset : offset;
  return (input.output!.address + input.offset + edited) >>> 0;
}

export interface ScriptSymbol {
  value: number;
  /** Output section the symbol belongs to; null for absolute symbols. */
  section: OutputSection | null;
  hidden: boolean;
  at: SourceLocation;
}

export interface Layout {
  /** Kept output sections in section header order (allocated and not). */
  sections: OutputSection[];
  scriptSymbols: Map<string, ScriptSymbol>;
  /** Whether the script used SIZEOF_HEADERS (then the headers are loaded with the first segment). */
  usesHeaderSize: boolean;
}

/** Address of an input-defined global, once its section is placed; undefined if not yet placed. */
export function objectSymbolAddress(objects: ObjectFile[], resolution: Resolution, g: GlobalSymbol): { value: number; section: OutputSection | null } | undefined {
  const def = g.definition;
  if (!def) return undefined;
  if (def.kind === "common") {
    const sec = g.common!.section;
    if (!sec.output) return undefined;
    return { value: (sec.output.address + sec.offset + g.common!.offset) >>> 0, section: sec.output };
  }
  if (def.kind !== "object") return undefined;
  const sym = objects[def.file]!.symbols[def.symbol]!;
  if (sym.section.kind === "absolute") return { value: sym.value, section: null };
  if (sym.section.kind !== "section") return undefined;
  const input = resolution.inputs[def.file]![sym.section.index];
  if (!input || !input.output) return undefined;
  return { value: addressIn(input, sym.value), section: input.output };
}

export function layOut(objects: ObjectFile[], resolution: Resolution, plan: PlanItem[], headerSize: number): Layout {
  let dot = 0;
  let usesHeaderSize = false;
  let current: OutputSection | null = null; // the output section being filled
  const placed = new Set<OutputSection>();
  // For `.` outside sections: after an assignment to `.`, prefer the next section.
  let preferNext = true;
  let position = 0;
  const scriptSymbols = new Map<string, ScriptSymbol & { relative: Relative }>();
  const referenced = new Set<string>();
  for (const g of resolution.globals.values()) if (!g.definition) referenced.add(g.name);

  const scope: Scope = {
    dot: () => ({ value: dot, relative: current ?? { dotAnchor: preferNext ? "next" : "previous", position } }),
    symbol(name, at): Value {
      // Inside an output section, ld reads absolute symbols as plain numbers.
      const absolute = (value: number): Value => ({ value, relative: current ? "number" : null });
      const s = scriptSymbols.get(name);
      if (s) return s.relative === null ? absolute(s.value) : { value: s.value, relative: s.relative };
      const g = resolution.globals.get(name);
      if (!g || !g.definition) fail(`undefined symbol '${name}' in the linker script`, at);
      const addr = objectSymbolAddress(objects, resolution, g);
      if (!addr || (addr.section && !placed.has(addr.section))) {
        fail(`symbol '${name}' is used before the address of its section is known (move the expression after that output section)`, at);
      }
      return addr.section ? { value: addr.value, relative: addr.section } : absolute(addr.value);
    },
    defined: (name) => scriptSymbols.has(name) || !!resolution.globals.get(name)?.definition,
    section(name, at) {
      for (const s of placed) if (s.name === name) return s;
      fail(`section '${name}' is not laid out at this point of the script`, at);
    },
    sizeofHeaders() {
      usesHeaderSize = true;
      return headerSize;
    },
    inSection: () => current,
  };

  // GNU ld sizes sections in one pass and gives symbols their values in a later
  // one, and the two disagree in one case: the address of an output section
  // that is dropped for being empty moves `.` for placing what follows, but not
  // for symbol assignments. `lagging` is the second pass's `.` while they differ.
  let lagging: number | null = null;
  // ld's default memory region: an output section without an address starts at
  // the region's next free address, which only allocated sections and
  // statements outside sections advance (an empty section's address does not).
  let region = 0;
  // The last allocated section kept, whose load offset the next one inherits (see AT below).
  let previousAlloc: OutputSection | null = null;
  const assign = (a: Assignment) => {
    if (lagging !== null && !current) {
      // ld's symbol pass, with its own `.`; a symbol gets this value only.
      const sizingDot = dot;
      dot = lagging;
      assignOnce(a);
      lagging = dot;
      dot = sizingDot;
      if (a.target !== ".") return;
    }
    assignOnce(a);
  };
  const assignOnce = (a: Assignment) => {
    // `x op= e` is `x = x op e`.
    const target: Expression = a.target === "." ? { kind: "dot", at: a.at } : { kind: "symbol", name: a.target, at: a.at };
    const v = evaluate(a.op === "=" ? a.value : { kind: "binary", op: a.op.slice(0, -1) as BinaryOperator, left: target, right: a.value, at: a.at }, scope);
    // Inside an output section a plain number is an offset from its start.
    const combined = toAddress(v, scope);
    if (a.target === ".") {
      if (current && combined.value < dot) {
        fail(`cannot move the location counter backwards (from 0x${dot.toString(16)} to 0x${combined.value.toString(16)}) inside '${current.name}'`, a.at);
      }
      dot = combined.value;
      if (!current) preferNext = true;
      return;
    }
    if (a.provide) {
      // PROVIDE defines a symbol only if an object refers to it and none defines it.
      const g = resolution.globals.get(a.target);
      if (!referenced.has(a.target) || (g && g.definition)) return;
    }
    scriptSymbols.set(a.target, { value: combined.value, relative: combined.relative, section: null, hidden: a.hidden, at: a.at });
  };

  // ASSERT(expr, "message") fails the link, at the script's place, when expr is 0.
  const check = (a: Assertion) => {
    if (evaluate(a.condition, scope).value === 0) fail(a.message, a.at);
  };

  const sections: OutputSection[] = [];
  for (const item of plan) {
    position++;
    if (item.kind === "assignment") {
      assign(item.assignment);
      // A statement outside sections brings the region up to `.` (see `region`).
      region = dot;
      continue;
    }
    if (item.kind === "assert") {
      check(item.assertion);
      continue;
    }
    const out = item.output;
    const stmt = item.statement;
    const hasData = item.contents.some((c) => c.kind === "data");
    const hasAssignments = item.contents.some((c) => c.kind === "assignment");
    const movesDot = item.contents.some((c) => c.kind === "assignment" && c.assignment.target === ".");
    const nonAlloc = out.inputs.length > 0 && (out.flags & SHF_ALLOC) === 0;
    const minAlign = stmt?.align ? evaluate(stmt.align, scope).value : 1;
    if (minAlign & (minAlign - 1)) fail(`alignment ${minAlign} is not a power of two`, stmt!.align!.at);
    out.align = Math.max(out.align, minAlign);

    // Where it starts: its address; else the region's next free address
    // aligned for it (a non-allocated section the script names too, without
    // taking space); a non-allocated orphan (debug info) sits at 0.
    const before = dot;
    let start: number;
    if (stmt?.address) start = evaluate(stmt.address, scope).value;
    else if (nonAlloc && !stmt) start = 0;
    else start = alignTo(region, out.align, item.at);
    out.address = start;
    placed.add(out);

    // Lay out the contents: input sections, assignments, data statements.
    current = out;
    dot = start;
    out.scriptData = [];
    out.fills = stmt?.fill ? [{ from: 0, pattern: fillPattern(evaluate(stmt.fill, scope).value, stmt.fill) }] : [];
    for (const c of item.contents) {
      if (c.kind === "assignment") {
        assign(c.assignment);
      } else if (c.kind === "assert") {
        check(c.assertion);
      } else if (c.kind === "fill") {
        out.fills.push({ from: dot - start, pattern: fillPattern(evaluate(c.fill.value, scope).value, c.fill.value) });
      } else if (c.kind === "data") {
        out.scriptData.push({ offset: dot - start, bytes: dataBytes(evaluate(c.data.value, scope).value, c.data) });
        dot += c.data.width;
      } else {
        for (const s of c.sections) {
          dot = alignTo(dot, s.align);
          s.offset = dot - start;
          if (dot + s.size > 0x1_0000_0000) fail(`output section '${out.name}' extends past the 4 GiB address space`, item.at);
          dot += s.size;
        }
      }
    }
    current = null;
    out.size = dot - start;

    // An output section with nothing in it is dropped, unless it moves `.`
    // (its symbols stay, attributed to a neighbouring section).
    if (out.size === 0 && !movesDot) {
      if (stmt?.address && !hasAssignments) {
        // ld still moves `.` to its address, but only for sizing (see `lagging`).
        lagging ??= before;
        dot = start;
      } else {
        dot = stmt?.address ? start : before;
      }
      continue;
    }
    // Without input sections, it is allocated only if it has a size, as in ld.
    let alloc = (out.flags & SHF_ALLOC) !== 0;
    if (out.inputs.length === 0) {
      // Data statements make it read-only data; moving `.` makes it writable space.
      alloc = out.size > 0;
      out.flags |= hasData ? SHF_ALLOC : SHF_WRITE | (alloc ? SHF_ALLOC : 0);
      out.type = hasData || out.size === 0 ? SHT_PROGBITS : SHT_NOBITS;
      out.loadedNobits = out.type === SHT_NOBITS;
    } else if (hasData) {
      out.type = SHT_PROGBITS;
    }
    if (stmt?.noload) {
      out.type = SHT_NOBITS;
      out.loadedNobits = true;
      out.noload = true;
    }

    // The load address (ld's rules): AT(lma) if given; otherwise the same offset
    // from the address as the previous allocated section had (aligned as ALIGN()
    // asks), unless the section lies wholly below that one; else the address.
    if (stmt?.loadAddress) {
      out.loadAddress = evaluate(stmt.loadAddress, scope).value;
    } else if (alloc && previousAlloc && !(start < previousAlloc.address && start + out.size <= previousAlloc.address)) {
      const lma = (start + previousAlloc.loadAddress - previousAlloc.address) >>> 0;
      out.loadAddress = stmt?.align ? alignTo(lma, minAlign, stmt.align.at) : lma;
    } else {
      out.loadAddress = start;
    }

    // ld's section_for_dot: only an allocated section ends the preference for the next one.
    if (alloc) preferNext = false;
    lagging = null;
    if (nonAlloc) {
      dot = before;
    } else if (alloc) {
      region = dot;
      previousAlloc = out;
    }
    sections.push(out);
  }

  sections.sort((a, b) => a.listIndex - b.listIndex);
  return { sections, scriptSymbols: resolveAnchors(scriptSymbols, plan, sections), usesHeaderSize };
}

/**
 * A fill pattern as ld reads one: a plain hex literal gives its digits as
 * written (big-endian, leading zeros kept, any length); any other expression
 * the four bytes of its value, big-endian.
 */
function fillPattern(value: number, e: Expression): Uint8Array {
  if (e.kind === "number" && e.hex !== undefined) {
    const digits = e.hex.length % 2 ? "0" + e.hex : e.hex;
    return new Uint8Array(Buffer.from(digits, "hex"));
  }
  return new Uint8Array([value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff]);
}

/**
 * The little-endian bytes of BYTE/SHORT/LONG/QUAD/SQUAD. Expressions are 32-bit:
 * QUAD zero-extends, SQUAD sign-extends; a value that does not fit BYTE or SHORT
 * (as unsigned or signed) is an error.
 */
function dataBytes(value: number, d: DataStatement): Uint8Array {
  const bytes = new Uint8Array(d.width);
  const v = new DataView(bytes.buffer);
  if (d.width === 1 || d.width === 2) {
    const signed = value | 0;
    const limit = d.width === 1 ? 0x100 : 0x10000;
    if (!(value < limit || (signed < 0 && signed >= -limit / 2))) {
      fail(`value 0x${value.toString(16)} does not fit in ${d.width === 1 ? "BYTE" : "SHORT"}`, d.at);
    }
    if (d.width === 1) v.setUint8(0, value & 0xff);
    else v.setUint16(0, value & 0xffff, true);
  } else {
    v.setUint32(0, value, true);
    if (d.width === 8 && d.signed && (value | 0) < 0) v.setUint32(4, 0xffffffff, true);
  }
  return bytes;
}

/** Decides the section of each `.`-relative symbol assigned outside sections (see evaluate.ts). */
function resolveAnchors(symbols: Map<string, ScriptSymbol & { relative: Relative }>, plan: PlanItem[], kept: OutputSection[]): Map<string, ScriptSymbol> {
  const keptAlloc = new Set(kept.filter((s) => s.flags & SHF_ALLOC));
  const out = new Map<string, ScriptSymbol>();
  for (const [name, s] of symbols) {
    let section: OutputSection | null = null;
    const r = s.relative === "number" ? null : s.relative;
    if (r && "dotAnchor" in r) {
      // Plan positions are 1-based in layOut; search the kept allocated sections around it.
      const sectionAt = (i: number) => {
        const p = plan[i];
        return p && p.kind === "section" && keptAlloc.has(p.output) ? p.output : null;
      };
      if (r.dotAnchor === "next") {
        for (let i = r.position; i < plan.length && !section; i++) section = sectionAt(i);
      }
      for (let i = r.position - 2; i >= 0 && !section; i--) section = sectionAt(i);
      if (!section) for (let i = r.position; i < plan.length && !section; i++) section = sectionAt(i);
    } else if (r && kept.includes(r)) {
      section = r;
    } else if (r) {
      section = nearbySection(r, s.value, plan, new Set(kept));
    }
    out.set(name, { value: s.value, section, hidden: s.hidden, at: s.at });
  }
  return out;
}

/**
 * The flags an output section shows in its header: its own, or, when it has no
 * input section, the flags of its kind that ld's orphan placer gave it.
 */
export function headerFlags(o: OutputSection): number {
  return o.inputs.length === 0 && o.kindFlags ? o.kindFlags.flags : o.flags;
}

/**
 * For a symbol in an output section that was dropped: the kept section before
 * or after it that would have shared its segment (bfd's _bfd_nearby_section).
 */
function nearbySection(removed: OutputSection, value: number, plan: PlanItem[], kept: Set<OutputSection>): OutputSection | null {
  const order = plan.flatMap((p) => (p.kind === "section" ? [p.output] : []));
  const at = order.indexOf(removed);
  const prev = order.slice(0, at).reverse().find((o) => kept.has(o)) ?? null;
  const next = order.slice(at + 1).find((o) => kept.has(o)) ?? null;
  if (!prev || !next) return prev ?? next;
  // (Here, unlike when grouping segments, ld does not count (NOLOAD) as loaded.)
  const loaded = (o: OutputSection) => o.type !== SHT_NOBITS || (o.loadedNobits && !o.noload);
  const flagsOf = headerFlags;
  const differ = (a: OutputSection, b: OutputSection, flag: number) => ((flagsOf(a) ^ flagsOf(b)) & flag) !== 0;
  if (differ(prev, next, SHF_ALLOC) || loaded(prev) !== loaded(next)) {
    return differ(next, removed, SHF_ALLOC) || (loaded(prev) && !loaded(next)) ? prev : next;
  }
  if (differ(prev, next, SHF_WRITE)) return differ(next, removed, SHF_WRITE) ? prev : next;
  if (differ(prev, next, SHF_EXECINSTR)) return differ(next, removed, SHF_EXECINSTR) ? prev : next;
  return value < next.address ? prev : next;
}
