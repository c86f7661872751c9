// A growable little-endian byte buffer: the assembler's section contents and the
// compiler's DWARF sections are built in one.

export class ByteBuffer {
  /** Backing store; only the first `length` bytes are content. */
  data = new Uint8Array(256);
  length = 0;

  protected reserve(n: number): void {
    if (this.length + n <= this.data.length) return;
    let cap = this.data.length * 2;
    while (cap < this.length + n) cap *= 2;
    const d = new Uint8Array(cap);
    d.set(this.data.subarray(0, this.length));
    this.data = d;
  }
  push(bytes: ArrayLike<number>): this {
    return this.pushRange(bytes, 0, bytes.length);
  }
  /** Appends `src[start..end)` (without making a view or a copy of that range first). */
  pushRange(src: ArrayLike<number>, start: number, end: number): this {
    this.reserve(end - start);
    const data = this.data;
    let length = this.length;
    for (let i = start; i < end; i++) data[length++] = src[i]! & 0xff;
    this.length = length;
    return this;
  }
  fill(n: number, b: number): this {
    this.reserve(n);
    this.data.fill(b, this.length, this.length + n);
    this.length += n;
    return this;
  }
  u8(v: number): this {
    this.reserve(1);
    this.data[this.length++] = v & 0xff;
    return this;
  }
  u16(v: number): this {
    return this.u8(v).u8(v >>> 8);
  }
  u32(v: number): this {
    return this.u16(v & 0xffff).u16(v >>> 16);
  }
  /** A copy of the content. */
  finish(): Uint8Array {
    return this.data.slice(0, this.length);
  }
}
