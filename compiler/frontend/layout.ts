// C layout of @unmanaged classes on i386 (System V): each field at the next
// offset that is a multiple of its alignment (its size: 1, 2 or 4), the class
// aligned to its largest field and its size rounded up to that. @packed: no
// padding at all, alignment 1 (like __attribute__((packed))).

import type { Field, Type } from "./types.js";
import { storageOf } from "./types.js";

export interface Layout {
  fields: Map<string, Field>;
  size: number;
  align: number;
}

export function layoutFields(fields: { name: string; type: Type }[], packed: boolean): Layout {
  const out = new Map<string, Field>();
  let offset = 0;
  let align = 1;
  for (const f of fields) {
    const size = storageOf(f.type)!.width;
    const a = packed ? 1 : size;
    offset = alignUp(offset, a);
    out.set(f.name, { name: f.name, type: f.type, offset });
    offset += size;
    align = Math.max(align, a);
  }
  return { fields: out, size: alignUp(offset, align), align };
}

export function alignUp(n: number, a: number): number {
  return Math.ceil(n / a) * a;
}
