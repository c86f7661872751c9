import { expect } from "chai";
import { ts386 } from "./tools.js";

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
});
