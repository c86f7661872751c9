import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { writeFileAtomic } from "../../common/files.js";
import { tmpDir } from "../tools.js";

describe("writeFileAtomic", () => {
  it("writes through a temporary file and leaves only the target", () => {
    const dir = tmpDir();
    const target = path.join(dir, "sub", "out.o");
    writeFileAtomic(target, new Uint8Array([1, 2, 3]));
    expect([...fs.readFileSync(target)]).to.deep.equal([1, 2, 3]);
    expect(fs.readdirSync(path.dirname(target))).to.deep.equal(["out.o"]);
  });
  it("writes into a device in place instead of renaming a file over it (-o /dev/null)", function () {
    writeFileAtomic("/dev/null", "discarded");
    expect(fs.statSync("/dev/null").isCharacterDevice()).to.equal(true);
  });
  it("leaves no temporary file behind when the write fails", () => {
    const dir = tmpDir();
    const target = path.join(dir, "out.o");
    fs.mkdirSync(target); // renaming a file over a directory fails
    expect(() => writeFileAtomic(target, "x")).to.throw();
    expect(fs.readdirSync(dir)).to.deep.equal(["out.o"]);
  });
});
