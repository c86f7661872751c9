// A growable little-endian byte buffer for building DWARF sections, recording the
// 32-bit words that need a relocation (addresses in .text, offsets into other
// .debug_* sections): the word holds the addend, as REL relocations want.

import { ByteBuffer } from "../../common/byte-buffer.js";

export interface SectionReference {
  /** Offset of the 32-bit word in this section. */
  offset: number;
  /** The section whose address (plus the word's value) is meant. */
  section: string;
}

export class ByteWriter extends ByteBuffer {
  readonly references: SectionReference[] = [];

  uleb(v: number): this {
    do {
      let b = v & 0x7f;
      v = Math.floor(v / 128);
      if (v !== 0) b |= 0x80;
      this.u8(b);
    } while (v !== 0);
    return this;
  }
  sleb(v: number): this {
    for (;;) {
      const b = v & 0x7f;
      v >>= 7;
      const done = (v === 0 && (b & 0x40) === 0) || (v === -1 && (b & 0x40) !== 0);
      this.u8(done ? b : b | 0x80);
      if (done) return this;
    }
  }
  /** NUL-terminated string (UTF-8). */
  string(s: string): this {
    for (const b of new TextEncoder().encode(s)) this.u8(b);
    return this.u8(0);
  }
  bytes(b: ArrayLike<number>): this {
    return this.push(b);
  }
  /** A 32-bit word meaning `section + value`, relocated by the linker. */
  reference(section: string, value: number): this {
    this.references.push({ offset: this.length, section });
    return this.u32(value);
  }
  /** Overwrites a 32-bit word written earlier (unit lengths). */
  patch32(at: number, v: number): void {
    new DataView(this.data.buffer).setUint32(at, v >>> 0, true);
  }
}
