// The pieces of the codegen benchmark (bench/codegen.ts): the callgrind and nm parsers,
// function extents and reachability, the agreement check, and one small program pair
// measured end to end (built by ts386 and gcc, outputs compared, counted, sized).

import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { checkAgreement, listPrograms } from "../../bench/build-pair.js";
import { parseCallgrindInstructionCosts, parseCallgrindSelfCosts, parseCallgrindTotal } from "../../bench/callgrind.js";
import { parseDisassembly } from "../../bench/hot-code.js";
import { functionExtents, parseNm, reachable } from "../../bench/code-size.js";
import { formatTable, geometricMean, measureProgram, PROGRAMS_DIR } from "../../bench/codegen.js";
import { requireTool, tmpDir } from "../tools.js";

const SMALL_TS = `
const digits = new StaticArray<u8>(12);
// Recursive, so the inliner (which takes small leaf functions) leaves the call in place.
function square(x: u32): u32 { return x == 0 ? 0 : x * x + square(0); }
export function bench_run(): u32 {
  let sum: u32 = 0;
  for (let i: u32 = 0; i < 1000; i++) sum += square(i) ^ i;
  return sum;
}
export function main(): i32 {
  let n = bench_run();
  for (let i = 0; i < 8; i++) { digits[7 - i] = u8(65 + (n & 15)); n = n >>> 4; }
  digits[8] = 10;
  sys_write(1, addressOf(digits), 9);
  return 0;
}
`;

const SMALL_C = `
#include <unistd.h>
__attribute__((noinline)) static unsigned square(unsigned x) { return x == 0 ? 0 : x * x + square(0); }
__attribute__((noinline, noclone, used)) unsigned bench_run(void) {
  unsigned sum = 0;
  for (unsigned i = 0; i < 1000; i++) sum += square(i) ^ i;
  return sum;
}
int main(void) {
  char digits[9];
  unsigned n = bench_run();
  for (int i = 0; i < 8; i++) { digits[7 - i] = (char)(65 + (n & 15)); n >>= 4; }
  digits[8] = 10;
  write(1, digits, 9);
  return 0;
}
`;

describe("bench/codegen: parsers", function () {
  it("reads the Ir total of a callgrind file (totals:, else summary:; the Ir column)", function () {
    expect(parseCallgrindTotal("version: 1\nevents: Ir\nfn=(1) main\n5 10\nsummary: 1234\ntotals: 1234\n")).to.equal(1234);
    expect(parseCallgrindTotal("events: Ir\nsummary: 77\n")).to.equal(77);
    expect(parseCallgrindTotal("events: Dr Ir Dw\ntotals: 5 42 7\n")).to.equal(42);
    expect(() => parseCallgrindTotal("events: Ir\n")).to.throw(/totals/);
    expect(() => parseCallgrindTotal("totals: 3\n")).to.throw(/events/);
  });

  it("reads each function's self cost (compressed names; a call's cost line is the callee's)", function () {
    const text = [
      "positions: line",
      "events: Ir",
      "fn=(2) 0x080483ef",
      "cfn=(4) bench_run",
      "calls=1 0 ",
      "0 1000",
      "fn=(12) helper",
      "0 900",
      "fn=(4)",
      "0 60",
      "cfn=(12)",
      "calls=3 0 ",
      "0 900",
      "+2 40",
      "",
    ].join("\n");
    expect([...parseCallgrindSelfCosts(text)]).to.deep.equal([
      ["helper", 900],
      ["bench_run", 100],
    ]);
  });

  it("reads per-instruction costs (absolute, relative and unchanged positions)", function () {
    const text = [
      "positions: instr line",
      "events: Ir",
      "fn=(1) bench_run",
      "0x8048100 0 5",
      "+3 * 7",
      "cfn=(2) f",
      "calls=2 0x8048200 0",
      "* * 40",
      "+2 * 1",
      "fn=(2)",
      "0x8048200 0 20",
      "-512 0 2",
      "",
    ].join("\n");
    expect([...parseCallgrindInstructionCosts(text)].sort((a, b) => a[0] - b[0])).to.deep.equal([
      [0x8048000, 2],
      [0x8048100, 5],
      [0x8048103, 7],
      [0x8048105, 1],
      [0x8048200, 20],
    ]);
    expect(() => parseCallgrindInstructionCosts("positions: line\nevents: Ir\n")).to.throw(/dump-instr/);
  });

  it("reads objdump's disassembly with the enclosing symbol", function () {
    const lines = parseDisassembly(
      ["080480c0 <fib>:", " 80480c0:\tpush   ebx", "", "080480c9 <fib.L1>:", " 80480c9:\tmov    eax,ebx"].join("\n"),
    );
    expect(lines.get(0x80480c0)).to.deep.equal({ address: 0x80480c0, symbol: "fib", text: "push ebx" });
    expect(lines.get(0x80480c9)!.symbol).to.equal("fib.L1");
  });

  it("reads nm -S lines and gives ts386 functions (no sizes, block labels as symbols) their extents", function () {
    const symbols = parseNm(
      ["080480c0 t fib", "080480c9 t fib.L1", "080480ce t fib.L2", "080480e7 T bench_run", "08049000 r bench_run.jt0", "080480f2 00000010 T main", "0804a1d4 b buf"].join("\n"),
    );
    expect(symbols).to.have.length(7);
    expect(functionExtents(symbols, 0x08048110)).to.deep.equal([
      { name: "fib", start: 0x080480c0, size: 0x27 },
      { name: "bench_run", start: 0x080480e7, size: 0x0b },
      { name: "main", start: 0x080480f2, size: 0x10 },
    ]);
  });

  it("follows references from the root, only through the given functions", function () {
    const edges = new Map([
      ["bench_run", new Set(["a", "memset"])],
      ["a", new Set(["b", "bench_run"])],
      ["b", new Set<string>()],
      ["c", new Set(["a"])],
    ]);
    expect(reachable("bench_run", edges, new Set(["bench_run", "a", "b", "c"]))).to.deep.equal(["a", "b", "bench_run"]);
  });

  it("the geometric mean and the table", function () {
    expect(geometricMean([1, 4])).to.be.closeTo(2, 1e-12);
    const table = formatTable([
      { name: "p", ts386Instructions: 300, gccInstructions: 100, gccScalarInstructions: 150, ts386Bytes: 50, gccBytes: 100, output: "", ts386Functions: [], gccFunctions: [], ts386Profile: [], gccProfile: [], ts386Run: { exe: "", callgrind: "" }, gccRun: { exe: "", callgrind: "" } },
    ]);
    expect(table).to.contain("| p | 300 | 100 | 3.00 | 2.00 | 50 | 100 | 0.50 |");
    expect(table).to.contain("**3.00**");
  });
});

describe("bench/codegen: a program pair end to end", function () {
  before(function () {
    requireTool(this, "valgrind", "i686-linux-gnu-gcc", "i686-linux-gnu-nm", "i686-linux-gnu-objdump");
  });

  it("every benchmark has its C twin, and there are at least 12", function () {
    const names = listPrograms(PROGRAMS_DIR);
    expect(names.length).to.be.at.least(12);
    for (const f of fs.readdirSync(PROGRAMS_DIR).filter((f) => /\.(ts|c)$/.test(f))) {
      expect(names, f).to.include(f.replace(/\.(ts|c)$/, ""));
    }
  });

  it("builds both twins, checks they agree, counts bench_run's instructions and sizes its code", async function () {
    const dir = tmpDir("ts386-bench-test-");
    fs.writeFileSync(path.join(dir, "small.ts"), SMALL_TS);
    fs.writeFileSync(path.join(dir, "small.c"), SMALL_C);
    const row = await measureProgram("small", dir, dir);
    expect(row.output).to.match(/^[A-P]{8}$/);
    // 1000 iterations of a call and a few operations each, in both.
    for (const count of [row.ts386Instructions, row.gccInstructions, row.gccScalarInstructions]) expect(count).to.be.within(4000, 40000);
    expect(row.ts386Functions.map((f) => f.split(":")[0]).sort()).to.deep.equal(["bench_run", "square"]);
    expect(row.gccFunctions.map((f) => f.split(":")[0])).to.include("bench_run");
    expect(row.ts386Bytes).to.be.greaterThan(0);
    expect(row.gccBytes).to.be.greaterThan(0);
  });

  it("fails loudly when the outputs differ", function () {
    const ok = { stdout: "x 0x1\n", status: 0, signal: null };
    expect(() => checkAgreement("p", ok, { ...ok, stdout: "x 0x2\n" })).to.throw(/disagree/);
    expect(() => checkAgreement("p", ok, { ...ok, status: 1 })).to.throw(/disagree/);
    expect(() => checkAgreement("p", { ...ok, status: 134 }, { ...ok, status: 134 })).to.throw(/failed alike/);
    expect(() => checkAgreement("p", ok, ok)).not.to.throw();
  });
});
