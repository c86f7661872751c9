// binutils' addr2line as the oracle for our DWARF reader (elf/debug/symbolizer.ts).

import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { Symbolizer } from "../../elf/debug/symbolizer.js";
import { run } from "../tools.js";

/** binutils' addr2line -f for many addresses: [function, file:line] per address. */
export function binutilsAddr2line(exe: string, addresses: number[]): { fn: string; file: string; line: number }[] {
  const out = run("i686-linux-gnu-addr2line", ["-f", "-e", exe, ...addresses.map((a) => "0x" + a.toString(16))]).split("\n");
  return addresses.map((_, i) => {
    const where = out[2 * i + 1]!.replace(/ \(discriminator \d+\)$/, "");
    const colon = where.lastIndexOf(":");
    const file = where.slice(0, colon);
    const line = Number(where.slice(colon + 1)) || 0;
    // Without a line, binutils still names the file of the preceding STT_FILE symbol: no line information.
    return { fn: out[2 * i]!, file: file === "??" || line === 0 ? "??" : path.relative(process.cwd(), file), line };
  });
}

/** Every row address, every function start and the middle of every function, at most `limit` of them. */
export function sampleAddresses(s: Symbolizer, limit: number): number[] {
  const all = [...new Set([...s.rows.filter((r) => !r.endSequence).map((r) => r.address), ...s.functions.flatMap((f) => [f.low, (f.low + f.high) >>> 1])])].sort((a, b) => a - b);
  const step = Math.max(1, Math.ceil(all.length / limit));
  return all.filter((_, i) => i % step === 0);
}

export function expectAgreesWithBinutils(exe: string, limit = 400): number {
  const s = new Symbolizer(new Uint8Array(fs.readFileSync(exe)), exe);
  const addresses = sampleAddresses(s, limit);
  const theirs = binutilsAddr2line(exe, addresses);
  addresses.forEach((a, i) => {
    const ours = s.lookup(a);
    const t = theirs[i]!;
    const where = `at 0x${a.toString(16)}`;
    expect(ours.file ?? "??", where).to.equal(t.file);
    expect(ours.line, where).to.equal(t.line);
    if (ours.file !== undefined) expect(ours.function, where).to.equal(t.fn);
  });
  return addresses.length;
}

