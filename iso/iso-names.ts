// ISO 9660 level-1 identifiers for the plain (non Rock Ridge) directory records:
// files are BASE.EXT;1 with at most 8 + 3 d-characters (A-Z 0-9 _), directories at most
// 8. Readers that understand Rock Ridge (GRUB, Linux, xorriso) use the NM name instead;
// these only have to be valid and unique within their directory.

import { fail } from "../common/diagnostics.js";

/** Longest Rock Ridge name we accept: it must fit one NM entry beside the other fields. */
export const MAX_NAME_BYTES = 128;

function dchars(s: string, max: number): string {
  return s.toUpperCase().replace(/[^A-Z0-9_]/g, "_").slice(0, max);
}

/** Rejects names a directory record cannot hold. */
export function checkName(name: string, path: string): void {
  if (name === "" || name === "." || name === ".." || name.includes("\0")) {
    fail(`bad file name '${name}' in '${path}'`, undefined, { origin: "iso" });
  }
  if (Buffer.byteLength(name, "utf8") > MAX_NAME_BYTES) {
    fail(`file name longer than ${MAX_NAME_BYTES} bytes in '${path}'`, undefined, { origin: "iso" });
  }
}

/**
 * Gives every name in one directory a distinct level-1 identifier (in the order given).
 * Collisions get a decimal suffix in the base name: KERNEL.ELF, KERNEL1.ELF, ...
 */
export function isoIdentifiers(entries: { name: string; isDir: boolean }[]): string[] {
  const used = new Set<string>();
  return entries.map(({ name, isDir }) => {
    const dot = isDir ? -1 : name.lastIndexOf(".");
    const base = dchars(dot > 0 ? name.slice(0, dot) : name, 8) || "_";
    const ext = dot > 0 ? dchars(name.slice(dot + 1), 3) : "";
    const make = (b: string) => (isDir ? b : `${b}.${ext};1`);
    let id = make(base);
    for (let n = 1; used.has(id); n++) {
      const suffix = String(n);
      id = make(base.slice(0, 8 - suffix.length) + suffix);
    }
    used.add(id);
    return id;
  });
}
