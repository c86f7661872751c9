import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { repoRoot, tmpDir, ts386 } from "./tools.js";

describe("ts386 command line", () => {
  it("prints usage and exits 2 without a command", async () => {
    const r = await ts386([]);
    expect(r.status).to.equal(2);
    expect(r.stderr).to.contain("usage: ts386");
  });
  it("--help exits 0 and lists every subcommand", async () => {
    const r = await ts386(["--help"]);
    expect(r.status).to.equal(0);
    for (const c of ["asm", "compile", "link", "iso", "build"]) expect(r.stdout).to.contain(`ts386 ${c}`);
  });
  it("rejects an unknown command with exit status 2", async () => {
    const r = await ts386(["frobnicate"]);
    expect(r.status).to.equal(2);
    expect(r.stderr).to.contain("unknown command 'frobnicate'");
  });
  it("runs as a process through bin/ts386.js and its #! line, passing on the exit status", () => {
    const bin = path.join(repoRoot, "bin/ts386.js");
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, "ok.asm"), "BITS 32\nnop\n");
    fs.writeFileSync(path.join(dir, "bad.asm"), "BITS 32\nfrobnicate eax\n");
    // As `npx ts386` runs it: the kernel reads the #! line (env -S node, with a V8 option).
    const run = (...args: string[]) => spawnSync(bin, args, { cwd: dir, encoding: "utf8" });
    const ok = run("asm", "ok.asm", "-o", "ok.o");
    expect([ok.status, ok.stderr]).to.deep.equal([0, ""]);
    expect(fs.readFileSync(path.join(dir, "ok.o")).subarray(0, 4).toString("latin1")).to.equal("\x7fELF");
    const bad = run("asm", "bad.asm", "-o", "bad.o");
    expect(bad.status).to.equal(1);
    expect(bad.stderr).to.contain("bad.asm(2,1): error: unknown instruction 'frobnicate'");
    expect(fs.existsSync(path.join(dir, "bad.o"))).to.equal(false);
    expect(run("--version").stdout).to.equal("ts386 0.1.0\n");
  });
});
