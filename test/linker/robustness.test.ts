// Bad input never crashes the linker: scripts with random damage and objects
// with random bytes changed either link or fail with a diagnostic
// (DiagnosticError, exit status 1), never with an exception from a bug.

import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { DiagnosticError } from "../../common/diagnostics.js";
import { readObject } from "../../elf/read-object.js";
import type { ObjectFile } from "../../elf/types.js";
import { link } from "../../linker/link.js";
import { prng } from "../prng.js";
import { requireTool, tmpDir } from "../tools.js";
import { fixtures, nasm } from "./build-objects.js";


/** Runs `f`; returns "ok", "diagnostic", or throws what was not a diagnostic. */
function outcome(f: () => unknown): "ok" | "diagnostic" {
  try {
    f();
    return "ok";
  } catch (e) {
    if (e instanceof DiagnosticError) return "diagnostic";
    throw e;
  }
}

describe("linker: robustness against damaged input", function () {
  let objectBytes: Uint8Array;
  let objects: ObjectFile[];
  let script: string;
  before(function () {
    requireTool(this, "nasm");
    const dir = tmpDir("ts386-link-robust-");
    const obj = nasm(path.join(fixtures, "serial-kernel.asm"), path.join(dir, "k.o"), ["-g", "-F", "dwarf"]);
    objectBytes = new Uint8Array(fs.readFileSync(obj));
    objects = [readObject(objectBytes, "k.o")];
    script = fs.readFileSync(path.join(fixtures, "kernel.ld"), "latin1");
  });

  it("damaged scripts: a diagnostic or a link, never a crash", function () {
    const rnd = prng(1);
    const alphabet = "(){};:=.*+-/<>!&|?,\"0x1MK ALIGNSECTIONS.text/DISCARD/\n";
    const seen = { ok: 0, diagnostic: 0 };
    for (let i = 0; i < 400; i++) {
      let text = script;
      for (let k = 0; k < 1 + Math.floor(rnd() * 3); k++) {
        const at = Math.floor(rnd() * text.length);
        const op = rnd();
        if (op < 0.4) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(rnd() * 6));
        else if (op < 0.8) text = text.slice(0, at) + alphabet[Math.floor(rnd() * alphabet.length)] + text.slice(at);
        else text = text.slice(0, at) + text.slice(Math.floor(rnd() * text.length));
      }
      seen[outcome(() => link(objects, { target: "kernel", script: { text, fileName: "damaged.ld" } }))]++;
    }
    expect(seen.diagnostic, "most damage is reported").to.be.greaterThan(100);
  });

  it("damaged objects: a diagnostic or a link, never a crash", function () {
    const rnd = prng(2);
    const seen = { ok: 0, diagnostic: 0 };
    for (let i = 0; i < 400; i++) {
      const bytes = new Uint8Array(objectBytes);
      for (let k = 0; k < 1 + Math.floor(rnd() * 4); k++) {
        const at = Math.floor(rnd() * bytes.length);
        bytes[at] = rnd() < 0.5 ? Math.floor(rnd() * 256) : bytes[at]! ^ (1 << Math.floor(rnd() * 8));
      }
      const cut = rnd() < 0.1 ? bytes.subarray(0, Math.floor(rnd() * bytes.length)) : bytes;
      seen[outcome(() => link([readObject(cut, "damaged.o")], { target: "kernel" }))]++;
    }
    expect(seen.ok + seen.diagnostic).to.equal(400);
    expect(seen.diagnostic, "some damage is reported").to.be.greaterThan(0);
  });
});
