// A cursor over little-endian bytes for reading DWARF: fixed-size integers, LEB128,
// NUL-terminated strings. Reading past the end throws (a malformed section).

export class ByteReader {
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array, public at = 0) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  private need(n: number): void {
    if (this.at + n > this.bytes.length) throw new Error(`DWARF data ends early (reading ${n} bytes at 0x${this.at.toString(16)})`);
  }
  get done(): boolean {
    return this.at >= this.bytes.length;
  }
  u8(): number {
    this.need(1);
    return this.bytes[this.at++]!;
  }
  i8(): number {
    return (this.u8() << 24) >> 24;
  }
  u16(): number {
    this.need(2);
    const v = this.view.getUint16(this.at, true);
    this.at += 2;
    return v;
  }
  u32(): number {
    this.need(4);
    const v = this.view.getUint32(this.at, true);
    this.at += 4;
    return v;
  }
  uleb(): number {
    let result = 0;
    let scale = 1;
    for (;;) {
      const b = this.u8();
      result += (b & 0x7f) * scale;
      scale *= 128;
      if ((b & 0x80) === 0) return result;
    }
  }
  sleb(): number {
    let result = 0;
    let scale = 1;
    for (;;) {
      const b = this.u8();
      result += (b & 0x7f) * scale;
      scale *= 128;
      if ((b & 0x80) === 0) return b & 0x40 ? result - scale : result;
    }
  }
  cstring(): string {
    const end = this.bytes.indexOf(0, this.at);
    if (end < 0) throw new Error("DWARF string without its terminating NUL");
    const s = new TextDecoder().decode(this.bytes.subarray(this.at, end));
    this.at = end + 1;
    return s;
  }
  skip(n: number): void {
    this.need(n);
    this.at += n;
  }
}
