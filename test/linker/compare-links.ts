// Links the same objects with GNU ld and with ts386 and compares everything a
// loader, nm or gdb would see: entry point, output sections (name, type, flags,
// address, size), PT_LOAD segments, PT_GNU_STACK, every symbol, non-loaded
// section contents, and the loaded memory image byte for byte.

import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { ts386 } from "../tools.js";
import { gnuLd } from "./build-objects.js";
import { diffImages, memoryImage, readExecutable, type Executable } from "./elf-image.js";

const NOT_COMPARED = new Set(["", ".symtab", ".strtab", ".shstrtab"]);

const hex = (n: number) => "0x" + n.toString(16);

/** Links with both linkers and compares everything a loader, nm or gdb would see. */
export async function compareLinks(dir: string, objects: string[], script: string | undefined, target: "kernel" | "linux" = "kernel"): Promise<{ ours: Executable; theirs: Executable }> {
  const theirsPath = gnuLd(objects, path.join(dir, "gnu.elf"), script);
  const oursPath = path.join(dir, "ts386.elf");
  const r = await ts386(["link", ...objects, "-o", oursPath, "--target", target, ...(script ? ["-T", script] : [])]);
  expect(r.stderr, "ts386 link diagnostics").to.equal("");
  expect(r.status).to.equal(0);
  const oursBytes = new Uint8Array(fs.readFileSync(oursPath));
  const theirsBytes = new Uint8Array(fs.readFileSync(theirsPath));
  const ours = readExecutable(oursBytes);
  const theirs = readExecutable(theirsBytes);

  expect(ours.type, "e_type").to.equal(2);
  expect(hex(ours.entry), "entry point").to.equal(hex(theirs.entry));
  const layout = (e: Executable) => e.sections.filter((s) => !NOT_COMPARED.has(s.name))
    .map((s) => `${s.name} type=${s.type} flags=${hex(s.flags)} addr=${hex(s.address)} size=${hex(s.size)}`);
  expect(layout(ours), "output sections").to.deep.equal(layout(theirs));
  const loads = (e: Executable) => e.segments.filter((p) => p.type === 1)
    .map((p) => `LOAD vaddr=${hex(p.vaddr)} paddr=${hex(p.paddr)} filesz=${hex(p.filesz)} memsz=${hex(p.memsz)} flags=${p.flags} off%page=${hex(p.offset % 0x1000)}`);
  expect(loads(ours), "PT_LOAD segments").to.deep.equal(loads(theirs));
  const stack = (e: Executable) => e.segments.filter((p) => p.type === 0x6474e551).map((p) => `GNU_STACK flags=${p.flags}`);
  if (target === "kernel") expect(stack(ours), "PT_GNU_STACK").to.deep.equal(stack(theirs));
  const notes = (e: Executable) => e.segments.filter((p) => p.type === 4)
    .map((p) => `NOTE off=${hex(p.offset)} vaddr=${hex(p.vaddr)} paddr=${hex(p.paddr)} size=${hex(p.filesz)}/${hex(p.memsz)} flags=${p.flags} align=${p.align}`);
  expect(notes(ours), "PT_NOTE").to.deep.equal(notes(theirs));
  for (const p of ours.segments) expect(p.offset % 0x1000, "file offset congruent to vaddr").to.equal(p.vaddr % 0x1000);

  const symbols = (e: Executable) => e.symbols.map((s) => `${s.name} ${hex(s.value)} size=${s.size} bind=${s.bind} type=${s.type} vis=${s.visibility} in ${s.section}`).sort();
  expect(symbols(ours), "symbol table").to.deep.equal(symbols(theirs));

  // Non-loaded sections (debug info) must carry the same relocated bytes.
  for (const s of theirs.sections) {
    if (NOT_COMPARED.has(s.name) || s.flags & 2) continue;
    const mine = ours.sections.find((x) => x.name === s.name)!;
    expect(Buffer.from(mine.data).equals(Buffer.from(s.data)), `contents of ${s.name}`).to.equal(true);
  }

  // The loaded bytes, compared as memory. With SIZEOF_HEADERS the ELF headers are
  // loaded too; they describe the file (offsets), so those bytes are left out.
  const image = (e: Executable, b: Uint8Array) => {
    const m = memoryImage(e, b);
    const first = e.sections.filter((s) => s.flags & 2).reduce((lo, s) => Math.min(lo, s.address), Infinity);
    for (const a of [...m.keys()]) if (a < first) m.delete(a);
    return m;
  };
  const mine = image(ours, oursBytes);
  const gnu = image(theirs, theirsBytes);
  expect(diffImages(mine, gnu), "loaded bytes (first differences)").to.deep.equal([]);
  expect(mine.size).to.be.greaterThan(0);
  return { ours, theirs };
}
