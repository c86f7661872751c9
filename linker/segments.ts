// Groups allocated output sections into PT_LOAD segments and gives every section
// its file offset. The grouping follows GNU ld (bfd/elf.c
// _bfd_elf_map_sections_to_segments, with -z separate-code as Linux builds of ld
// default to), on load addresses: a new segment starts when the next section
// is not at the same load-minus-virtual offset (AT()), would leave a whole page
// unused, has contents after a NOBITS section, or is writable after read-only
// sections, or switches between code and data, on another page than the
// previous section's end. In the file each segment starts at an offset
// congruent to its address modulo the page size, so loaders can map it directly.

import { PF_R, PF_W, PF_X, SHF_ALLOC, SHF_EXECINSTR, SHF_WRITE, SHT_NOBITS, SHT_NOTE } from "../elf/types.js";
import { headerFlags } from "./layout.js";
import { alignUp } from "./resolve.js";
import { PAGE_SIZE, type LoadSegment, type OutputSection } from "./types.js";

export const ELF_HEADER_SIZE = 52;
export const PROGRAM_HEADER_SIZE = 32;

const pageDown = (a: number) => a - (a % PAGE_SIZE);

/**
 * `loadedHeaders`: the size of the ELF and program headers when the script used
 * SIZEOF_HEADERS. They are then mapped below the first section if they fit in
 * its page: in the first segment, or, when that one is code, in a read-only
 * segment of their own (as ld does with -z separate-code).
 */
export function groupSegments(sections: OutputSection[], loadedHeaders?: number): LoadSegment[] {
  const loadable = sections.filter((s) => (s.flags & SHF_ALLOC) && s.size > 0).sort((a, b) => a.loadAddress - b.loadAddress);
  const segments: LoadSegment[] = [];
  let seg: LoadSegment | undefined;
  let last: OutputSection | undefined;
  for (const s of loadable) {
    let startNew = !seg;
    if (seg && last) {
      const lastEnd = last.loadAddress + last.size;
      const writable = (seg.flags & PF_W) !== 0;
      const executable = (seg.flags & PF_X) !== 0;
      if (s.loadAddress - last.loadAddress !== s.address - last.address) startNew = true;
      else if (alignUp(lastEnd, PAGE_SIZE) < alignUp(s.loadAddress, PAGE_SIZE)) startNew = true;
      // ((NOLOAD) sections and ones that only move `.` count as loaded, as in ld.)
      else if (last.type === SHT_NOBITS && !last.loadedNobits && s.type !== SHT_NOBITS) startNew = true;
      else if (!writable && (headerFlags(s) & SHF_WRITE) && pageDown(lastEnd - 1) !== pageDown(s.loadAddress)) startNew = true;
      else if (executable !== ((headerFlags(s) & SHF_EXECINSTR) !== 0) && pageDown(lastEnd - 1) !== pageDown(s.loadAddress)) startNew = true;
    }
    if (startNew) {
      seg = { address: s.address, loadAddress: s.loadAddress, fileOffset: 0, fileSize: 0, memorySize: 0, flags: PF_R, sections: [], includesHeaders: false };
      segments.push(seg);
    }
    seg!.sections.push(s);
    if (headerFlags(s) & SHF_WRITE) seg!.flags |= PF_W;
    if (headerFlags(s) & SHF_EXECINSTR) seg!.flags |= PF_X;
    last = s;
  }
  const first = segments[0];
  if (first && loadedHeaders !== undefined && first.address % PAGE_SIZE >= loadedHeaders) {
    if (first.flags & PF_X) {
      segments.unshift({ address: pageDown(first.address), loadAddress: pageDown(first.address), fileOffset: 0, fileSize: loadedHeaders, memorySize: loadedHeaders, flags: PF_R, sections: [], includesHeaders: true });
    } else {
      first.includesHeaders = true;
    }
  }
  return segments;
}

/** Assigns file offsets to segments and all sections; returns the end of the loaded part of the file. */
export function assignFileOffsets(sections: OutputSection[], segments: LoadSegment[], headersSize: number): number {
  let off = headersSize;
  for (const seg of segments) {
    if (seg.sections.length === 0) continue; // the headers' own segment, at offset 0
    const first = seg.sections[0]!;
    if (seg.includesHeaders) {
      seg.address = pageDown(first.address);
      seg.loadAddress = first.loadAddress - (first.address - seg.address);
      seg.fileOffset = 0;
    } else {
      off += (((seg.address - off) % PAGE_SIZE) + PAGE_SIZE) % PAGE_SIZE;
      seg.fileOffset = off;
    }
    let fileEnd = seg.fileOffset;
    let memEnd = seg.address;
    for (const s of seg.sections) {
      s.fileOffset = seg.fileOffset + (s.address - seg.address);
      if (s.type !== SHT_NOBITS) fileEnd = s.fileOffset + s.size;
      else s.fileOffset = Math.min(s.fileOffset, fileEnd);
      memEnd = s.address + s.size;
    }
    seg.fileSize = fileEnd - seg.fileOffset;
    seg.memorySize = memEnd - seg.address;
    off = fileEnd;
  }
  // Empty allocated sections (symbol holders) point at the current end; others follow in order.
  for (const s of sections) {
    if ((s.flags & SHF_ALLOC) && s.size === 0) s.fileOffset = off;
  }
  for (const s of sections) {
    if (s.flags & SHF_ALLOC) continue;
    off = alignUp(off, s.align);
    s.fileOffset = off;
    if (s.type !== SHT_NOBITS) off += s.size;
  }
  return off;
}

/** Finds two allocated sections that share addresses, or load addresses (sections with contents). */
export function findOverlap(sections: OutputSection[]): { a: OutputSection; b: OutputSection; load: boolean } | undefined {
  const check = (list: OutputSection[], at: (s: OutputSection) => number, load: boolean) => {
    const sorted = [...list].sort((x, y) => at(x) - at(y));
    for (let i = 1; i < sorted.length; i++) {
      const a = sorted[i - 1]!;
      const b = sorted[i]!;
      if (at(b) < at(a) + a.size) return { a, b, load };
    }
    return undefined;
  };
  const allocated = sections.filter((s) => (s.flags & SHF_ALLOC) && s.size > 0);
  return check(allocated, (s) => s.address, false)
    ?? check(allocated.filter((s) => s.type !== SHT_NOBITS), (s) => s.loadAddress, true);
}

/**
 * PT_NOTE headers, as ld makes them: one per run of allocated SHT_NOTE sections
 * (in section order) that have the same alignment and follow each other.
 */
export function groupNotes(sections: OutputSection[]): OutputSection[][] {
  const groups: OutputSection[][] = [];
  let run: OutputSection[] | undefined;
  for (const s of sections) {
    if (!(s.flags & SHF_ALLOC) || s.type !== SHT_NOTE || s.size === 0) {
      run = undefined;
      continue;
    }
    const last = run?.[run.length - 1];
    if (run && last && last.align === s.align && alignUp(last.loadAddress + last.size, s.align) === s.loadAddress) {
      run.push(s);
    } else {
      run = [s];
      groups.push(run);
    }
  }
  return groups;
}
