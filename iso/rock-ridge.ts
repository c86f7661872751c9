// Rock Ridge (RRIP 1.10, "RRIP_1991A") on top of SUSP (IEEE P1281): entries in the
// system use area of each directory record that carry the real, case-preserving name
// (NM), POSIX mode and link count (PX) and times (TF). GRUB's iso9660 module finds
// /boot/grub/grub.cfg through NM; it detects Rock Ridge by the SP entry of the root's
// "." record. The ER entry (which names the extension) is too long for a directory
// record, so it lives in a continuation area that a CE entry points to.

import { ascii, concat, u32both } from "./bytes.js";

function entry(sig: string, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + body.length);
  out[0] = sig.charCodeAt(0);
  out[1] = sig.charCodeAt(1);
  out[2] = out.length;
  out[3] = 1; // entry version
  out.set(body, 4);
  return out;
}

/** SP: "SUSP in use", check bytes BE EF, no bytes skipped. Only in the root's "." record. */
export function spEntry(): Uint8Array {
  return entry("SP", Uint8Array.of(0xbe, 0xef, 0));
}

/** CE: the rest of this system use area is at (lba, offset), `length` bytes. */
export function ceEntry(lba: number, offset: number, length: number): Uint8Array {
  const body = new Uint8Array(24);
  u32both(body, 0, lba);
  u32both(body, 8, offset);
  u32both(body, 16, length);
  return entry("CE", body);
}

const RRIP_ID = "RRIP_1991A";
const RRIP_DESCRIPTOR = "THE ROCK RIDGE INTERCHANGE PROTOCOL PROVIDES SUPPORT FOR POSIX FILE SYSTEM SEMANTICS";
const RRIP_SOURCE = "PLEASE CONTACT DISC PUBLISHER FOR SPECIFICATION SOURCE.  SEE PUBLISHER IDENTIFIER IN PRIMARY VOLUME DESCRIPTOR FOR CONTACT INFORMATION.";

/** ER: names the extension in use (the RRIP 1.10 identifier, description and source). */
export function erEntry(): Uint8Array {
  const head = Uint8Array.of(RRIP_ID.length, RRIP_DESCRIPTOR.length, RRIP_SOURCE.length, 1);
  return entry("ER", concat([head, ascii(RRIP_ID), ascii(RRIP_DESCRIPTOR), ascii(RRIP_SOURCE)]));
}

export const S_IFDIR = 0o040000;
export const S_IFREG = 0o100000;

/** PX (RRIP 1.10 form, 36 bytes): mode, links, uid, gid. */
export function pxEntry(mode: number, links: number): Uint8Array {
  const body = new Uint8Array(32);
  u32both(body, 0, mode);
  u32both(body, 8, links);
  // uid and gid 0 (root): an image has no owner worth recording.
  return entry("PX", body);
}

/** TF: modification, access and attribute-change times, each a 7-byte record date. */
export function tfEntry(date7: Uint8Array): Uint8Array {
  const TF_MODIFY = 2, TF_ACCESS = 4, TF_ATTRIBUTES = 8;
  return entry("TF", concat([Uint8Array.of(TF_MODIFY | TF_ACCESS | TF_ATTRIBUTES), date7, date7, date7]));
}

/** NM: the alternate (real) name, as UTF-8 bytes, in one piece. */
export function nmEntry(name: string): Uint8Array {
  return entry("NM", concat([Uint8Array.of(0), new Uint8Array(Buffer.from(name, "utf8"))]));
}
