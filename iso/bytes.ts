// Field writers for ISO 9660 structures. ISO 9660 stores most numbers "both-endian"
// (little-endian copy followed by a big-endian copy, ECMA-119 7.2.3 and 7.3.3) so that
// either kind of machine can read them without swapping.

export function u16le(buf: Uint8Array, off: number, v: number): void {
  buf[off] = v & 0xff;
  buf[off + 1] = (v >>> 8) & 0xff;
}

export function u16be(buf: Uint8Array, off: number, v: number): void {
  buf[off] = (v >>> 8) & 0xff;
  buf[off + 1] = v & 0xff;
}

export function u32le(buf: Uint8Array, off: number, v: number): void {
  buf[off] = v & 0xff;
  buf[off + 1] = (v >>> 8) & 0xff;
  buf[off + 2] = (v >>> 16) & 0xff;
  buf[off + 3] = (v >>> 24) & 0xff;
}

export function u32be(buf: Uint8Array, off: number, v: number): void {
  buf[off] = (v >>> 24) & 0xff;
  buf[off + 1] = (v >>> 16) & 0xff;
  buf[off + 2] = (v >>> 8) & 0xff;
  buf[off + 3] = v & 0xff;
}

/** A 64-bit little-endian value; `v` must be a safe integer. */
export function u64le(buf: Uint8Array, off: number, v: number): void {
  u32le(buf, off, v % 0x1_0000_0000);
  u32le(buf, off + 4, Math.floor(v / 0x1_0000_0000));
}

/** 16-bit both-endian (4 bytes). */
export function u16both(buf: Uint8Array, off: number, v: number): void {
  u16le(buf, off, v);
  u16be(buf, off + 2, v);
}

/** 32-bit both-endian (8 bytes). */
export function u32both(buf: Uint8Array, off: number, v: number): void {
  u32le(buf, off, v);
  u32be(buf, off + 4, v);
}

export function readU32le(buf: Uint8Array, off: number): number {
  return (buf[off]! | (buf[off + 1]! << 8) | (buf[off + 2]! << 16) | (buf[off + 3]! << 24)) >>> 0;
}

/** Writes ASCII text, padded with `pad` (spaces for ISO text fields) to `width` bytes. */
export function text(buf: Uint8Array, off: number, width: number, s: string, pad = 0x20): void {
  for (let i = 0; i < width; i++) buf[off + i] = i < s.length ? s.charCodeAt(i) & 0x7f : pad;
}

export function ascii(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}
