// Static archives (`ar rcs libfoo.a …`, gcc's libgcc.a) read the way GNU ld
// reads them: an archive on the command line contributes only the members that
// define a symbol still undefined at that point, found through the archive's
// symbol index, and its index is scanned again until no more members are
// needed. Members join the link in the order they are pulled in, which is also
// where their sections go. A later object cannot pull members from an earlier
// archive (no --start-group).

import { fail } from "../common/diagnostics.js";
import { readObject } from "../elf/read-object.js";
import type { ObjectFile } from "../elf/types.js";

export interface ArchiveMember {
  name: string;
  /** Offset of the member header in the archive: what the symbol index refers to. */
  offset: number;
  bytes: Uint8Array;
}

export interface Archive {
  name: string;
  members: ArchiveMember[];
  /** The symbol index, in its order: symbol name and member header offset. */
  index: { symbol: string; offset: number }[];
}

export type LinkInput = { kind: "object"; object: ObjectFile } | { kind: "archive"; archive: Archive };

const MAGIC = "!<arch>\n";

export function isArchive(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 8)).toString("latin1") === MAGIC || Buffer.from(bytes.subarray(0, 8)).toString("latin1") === "!<thin>\n";
}

/** Parses a System V / GNU `ar` archive. */
export function readArchive(bytes: Uint8Array, name: string): Archive {
  const bad = (why: string): never => fail(`${name}: not a valid archive: ${why}`, undefined, { origin: "linker" });
  const text = (from: number, to: number) => Buffer.from(bytes.subarray(from, to)).toString("latin1");
  if (text(0, 8) === "!<thin>\n") fail(`${name}: thin archives are not supported; use a normal archive (ar rcs)`, undefined, { origin: "linker" });
  if (text(0, 8) !== MAGIC) bad("bad magic");
  const members: ArchiveMember[] = [];
  let index: Archive["index"] | undefined;
  let longNames = "";
  let p = 8;
  while (p < bytes.length) {
    if (p + 60 > bytes.length) bad("truncated member header");
    const header = text(p, p + 60);
    if (header.slice(58, 60) !== "`\n") bad(`bad member header at offset ${p}`);
    const rawName = header.slice(0, 16).trimEnd();
    const size = Number.parseInt(header.slice(48, 58).trim(), 10);
    if (!Number.isFinite(size) || p + 60 + size > bytes.length) bad(`member at offset ${p} runs past the end`);
    const body = bytes.subarray(p + 60, p + 60 + size);
    if (rawName === "/") {
      index = readIndex(body, bad);
    } else if (rawName === "//") {
      longNames = Buffer.from(body).toString("latin1");
    } else if (rawName === "/SYM64/") {
      bad("64-bit symbol index");
    } else {
      let memberName = rawName;
      if (/^\/\d+$/.test(rawName)) {
        const at = Number(rawName.slice(1));
        const end = longNames.indexOf("/\n", at);
        memberName = longNames.slice(at, end < 0 ? undefined : end);
      } else if (memberName.endsWith("/")) {
        memberName = memberName.slice(0, -1);
      }
      members.push({ name: memberName, offset: p, bytes: body });
    }
    p += 60 + size + (size % 2);
  }
  if (!index) fail(`${name}: archive has no symbol index; add one with 'ar s' or ranlib`, undefined, { origin: "linker" });
  return { name, members, index };
}

/** The GNU symbol index: a big-endian count, that many member offsets, then the NUL-terminated names. */
function readIndex(body: Uint8Array, bad: (why: string) => never): Archive["index"] {
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  if (body.length < 4) bad("truncated symbol index");
  const count = view.getUint32(0, false);
  if (4 + count * 4 > body.length) bad("truncated symbol index");
  const index: Archive["index"] = [];
  let s = 4 + count * 4;
  for (let i = 0; i < count; i++) {
    const end = body.indexOf(0, s);
    if (end < 0) bad("truncated symbol index names");
    index.push({ symbol: Buffer.from(body.subarray(s, end)).toString("latin1"), offset: view.getUint32(4 + i * 4, false) });
    s = end + 1;
  }
  return index;
}

/**
 * Turns the command line's objects and archives into the list of objects to
 * link, pulling archive members as GNU ld does. An undefined weak reference
 * pulls nothing; a COMMON symbol pulls a member that really defines it.
 */
export function selectArchiveMembers(inputs: LinkInput[]): ObjectFile[] {
  const objects: ObjectFile[] = [];
  const defined = new Set<string>();
  const common = new Set<string>();
  const wanted = new Set<string>(); // referenced by a non-weak reference, not yet defined

  const add = (obj: ObjectFile) => {
    objects.push(obj);
    for (const s of obj.symbols) {
      if (s.binding === "local") continue;
      if (s.section.kind === "undefined") {
        if (s.binding === "global" && !defined.has(s.name) && !common.has(s.name)) wanted.add(s.name);
      } else if (s.section.kind === "common") {
        if (!defined.has(s.name)) common.add(s.name);
        wanted.delete(s.name);
      } else {
        defined.add(s.name);
        common.delete(s.name);
        wanted.delete(s.name);
      }
    }
  };

  for (const input of inputs) {
    if (input.kind === "object") {
      add(input.object);
      continue;
    }
    const { archive } = input;
    const byOffset = new Map(archive.members.map((m) => [m.offset, m]));
    const parsed = new Map<number, ObjectFile>();
    const member = (offset: number): ObjectFile => {
      let obj = parsed.get(offset);
      if (!obj) {
        const m = byOffset.get(offset);
        if (!m) fail(`${archive.name}: the symbol index refers to a member at offset ${offset} that does not exist`, undefined, { origin: "linker" });
        obj = readObject(m.bytes, `${archive.name}(${m.name})`);
        parsed.set(offset, obj);
      }
      return obj;
    };
    const included = new Set<number>();
    for (let again = true; again;) {
      again = false;
      for (const entry of archive.index) {
        if (included.has(entry.offset)) continue;
        const pull = wanted.has(entry.symbol)
          || (common.has(entry.symbol) && member(entry.offset).symbols.some((s) =>
            s.name === entry.symbol && s.binding !== "local" && (s.section.kind === "section" || s.section.kind === "absolute")));
        if (!pull) continue;
        included.add(entry.offset);
        add(member(entry.offset));
        again = true;
      }
    }
  }
  return objects;
}
