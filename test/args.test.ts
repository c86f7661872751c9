import { expect } from "chai";
import { parseArgs, parseDefines, UsageError } from "../cli/args.js";

describe("argument parser", () => {
  const spec = { "-o": { value: true }, "-D": { value: true, repeat: true }, "--target": { value: true, choices: ["kernel", "linux"] }, "--timings": {} };
  it("collects positionals, values, repeats and flags", () => {
    const a = parseArgs(["in.asm", "-o", "out.o", "-DA=1", "-D", "B", "--target=linux", "--timings"], spec);
    expect(a.positional).to.deep.equal(["in.asm"]);
    expect(a.options.get("-o")).to.deep.equal(["out.o"]);
    expect(a.options.get("-D")).to.deep.equal(["A=1", "B"]);
    expect(a.options.get("--target")).to.deep.equal(["linux"]);
    expect(a.flags.has("--timings")).to.equal(true);
  });
  it("rejects unknown options, missing values and bad choices", () => {
    expect(() => parseArgs(["--nope"], spec)).to.throw(UsageError, "unknown option");
    expect(() => parseArgs(["-o"], spec)).to.throw(UsageError, "needs a value");
    expect(() => parseArgs(["--target", "win"], spec)).to.throw(UsageError, "must be one of");
    expect(() => parseArgs(["-o", "a", "-o", "b"], spec)).to.throw(UsageError, "given twice");
  });
  it("parses definitions", () => {
    expect([...parseDefines(["X", "Y=3"])]).to.deep.equal([["X", "true"], ["Y", "3"]]);
    expect(() => parseDefines(["9x"])).to.throw(UsageError);
  });
});
