// Mergeable sections (SHF_MERGE, e.g. gcc's .rodata.str1.1, .comment, .debug_str):
// identical entries are kept once, and with SHF_STRINGS a string that is the
// tail of another ("lo" in "hello") points into it. This follows bfd/merge.c of
// binutils 2.40 so addresses agree with GNU ld: sections are grouped by output
// section, flags, entry size and alignment; each input section keeps the
// entries it saw first, in order; references into a merged section are mapped
// to where their entry ended up (possibly in another object's section).

import { SHF_MERGE, SHF_STRINGS } from "../elf/types.js";
import type { InputSection } from "./types.js";

/** One distinct entry of a merge group. */
interface Entry {
  bytes: Buffer;
  /** Alignment the entry needs; 0 once it has become the tail of another entry. */
  align: number;
  owner: InputSection;
  /** Offset in the owner's merged contents. */
  index: number;
  suffixOf?: Entry;
}

/** Where each original entry of an input section went. */
export interface MergeMap {
  /** Original entry start offsets (ascending) and the entry stored there. */
  starts: number[];
  entries: Entry[];
  strings: boolean;
  /** The original contents, to find the entry that contains an offset. */
  original: Uint8Array;
}

/** Merges the mergeable input sections in place (contents, size, merge map). */
export function mergeSections(inputs: InputSection[]): void {
  const groups = new Map<string, InputSection[]>();
  for (const s of inputs) {
    const entsize = s.source?.entsize ?? 0;
    if (!(s.flags & SHF_MERGE) || entsize === 0 || s.size === 0 || s.size % entsize !== 0) continue;
    // GNU ld leaves sections that have relocations alone.
    if (!s.output || s.source!.relocations.length > 0) continue;
    const key = `${s.output.name}|${s.flags & (SHF_MERGE | SHF_STRINGS)}|${entsize}|${s.align}`;
    const list = groups.get(key) ?? [];
    list.push(s);
    groups.set(key, list);
  }
  for (const group of groups.values()) mergeGroup(group);
}

function mergeGroup(group: InputSection[]): void {
  const entsize = group[0]!.source!.entsize!;
  const strings = (group[0]!.flags & SHF_STRINGS) !== 0;
  const table = new Map<string, Entry>();
  const order: Entry[] = [];
  const maps = new Map<InputSection, MergeMap>();

  const add = (bytes: Buffer, align: number, owner: InputSection): Entry => {
    const key = bytes.toString("latin1");
    const found = table.get(key);
    if (found && found.align >= align) return found;
    if (found) found.align = 0; // a less aligned copy: replaced by this one
    const e: Entry = { bytes, align, owner, index: 0 };
    table.set(key, e);
    order.push(e);
    return e;
  };

  for (const s of group) {
    const data = Buffer.from(s.data.buffer, s.data.byteOffset, s.size);
    const mask = s.align - 1;
    const map: MergeMap = { starts: [], entries: [], strings, original: s.data };
    if (strings) {
      let sawNul = false;
      let p = 0;
      while (p < data.length) {
        let eltAlign = (((p ^ (p - 1)) >>> 0) + 1) / 2;
        if (!eltAlign || eltAlign > mask) eltAlign = mask + 1;
        let end = p;
        while (end < data.length && !isZero(data, end, entsize)) end += entsize;
        end = Math.min(end + entsize, data.length);
        map.starts.push(p);
        map.entries.push(add(data.subarray(p, end), eltAlign, s));
        p = end;
        // Padding NULs after a string: the first aligned one becomes the empty string.
        while (p < data.length && isZero(data, p, entsize)) {
          if (!sawNul && (p & mask) === 0) {
            sawNul = true;
            map.starts.push(p);
            map.entries.push(add(data.subarray(p, p + entsize), mask + 1, s));
          }
          p += entsize;
        }
      }
    } else {
      for (let p = 0; p < data.length; p += entsize) {
        map.starts.push(p);
        map.entries.push(add(data.subarray(p, p + entsize), s.align, s));
      }
    }
    maps.set(s, map);
  }

  // A map refers to an entry by its bytes: a less aligned copy may have been replaced.
  for (const map of maps.values()) map.entries = map.entries.map((e) => table.get(e.bytes.toString("latin1"))!);
  if (strings) mergeTails(order, entsize);

  // Each section keeps the entries it saw first, in order.
  const sizes = new Map<InputSection, number>();
  for (const e of order) {
    if (e.align === 0) continue;
    let size = sizes.get(e.owner) ?? 0;
    size = Math.ceil(size / e.align) * e.align;
    e.index = size;
    sizes.set(e.owner, size + e.bytes.length);
  }
  for (const e of order) {
    if (e.align === 0 && e.suffixOf) {
      let host = e.suffixOf;
      while (host.align === 0 && host.suffixOf) host = host.suffixOf;
      e.owner = host.owner;
      e.index = host.index + (host.bytes.length - e.bytes.length);
    }
  }
  for (const s of group) {
    const size = sizes.get(s) ?? 0;
    const merged = new Uint8Array(size);
    for (const e of order) if (e.align !== 0 && e.owner === s) merged.set(e.bytes, e.index);
    s.data = merged;
    s.size = size;
    s.merged = maps.get(s)!;
  }
}

/** Marks strings that are the tail of a longer kept string (bfd's merge_strings). */
function mergeTails(order: Entry[], entsize: number): void {
  const kept = order.filter((e) => e.align !== 0);
  const body = (e: Entry) => e.bytes.subarray(0, e.bytes.length - entsize);
  // Sort by the reversed string, shorter first on a tie (bfd's strrevcmp).
  kept.sort((a, b) => {
    const x = body(a);
    const y = body(b);
    let i = x.length - 1;
    let j = y.length - 1;
    while (i >= 0 && j >= 0) {
      if (x[i] !== y[j]) return x[i]! - y[j]!;
      i--;
      j--;
    }
    return x.length - y.length;
  });
  if (kept.length === 0) return;
  let e = kept[kept.length - 1]!;
  for (let k = kept.length - 2; k >= 0; k--) {
    const cmp = kept[k]!;
    const isSuffix = e.bytes.length > cmp.bytes.length
      && e.bytes.subarray(e.bytes.length - cmp.bytes.length).equals(cmp.bytes);
    if (e.align >= cmp.align && ((e.bytes.length - cmp.bytes.length) & (cmp.align - 1)) === 0 && isSuffix) {
      cmp.suffixOf = e;
      cmp.align = 0;
    } else {
      e = cmp;
    }
  }
}

function isZero(data: Buffer, at: number, n: number): boolean {
  for (let i = 0; i < n; i++) if (data[at + i] !== 0) return false;
  return true;
}

/** Maps an offset in a merged input section to the section and offset now holding that byte. */
export function mapMergedOffset(s: InputSection, offset: number): { section: InputSection; offset: number } {
  const map = s.merged!;
  let start: number;
  if (map.strings && (s.source!.entsize ?? 1) === 1) {
    // Like bfd: the entry starts after the previous NUL before `offset`.
    let p = offset - 1;
    while (p >= 0 && map.original[p] !== 0) p--;
    start = p + 1;
  } else {
    start = offset;
  }
  let i = lastAtOrBefore(map.starts, start);
  if (i < 0) i = 0;
  const entry = map.entries[i]!;
  return { section: entry.owner, offset: entry.index + (offset - map.starts[i]!) };
}

function lastAtOrBefore(list: number[], value: number): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! <= value) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
