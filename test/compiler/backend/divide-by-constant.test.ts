// Division by constants (divide-by-constant.ts, isel): the reciprocal plans against BigInt
// division for thousands of divisors and boundary dividends; then natively: a program with
// x / c, x % c and both together (one multiplication, or one div for a variable divisor)
// for unsigned and signed divisors, run over boundary and random dividends, its results
// written to stdout as words and compared with BigInt division.

import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { evaluateSigned, evaluateUnsigned, signedPlan, unsignedPlan } from "../../../compiler/x86/divide-by-constant.js";
import { tmpDir, ts386 } from "../../tools.js";

let seed = 386;
const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) ^ (seed >>> 16);

const UNSIGNED = [3, 5, 6, 7, 9, 10, 11, 12, 13, 14, 25, 60, 94, 100, 125, 641, 1000, 4095, 4097, 65535, 65537, 1000000007,
  0x7fffffff, 0x80000001, 0xaaaaaaaa, 0xfffffffe, 0xffffffff, 0xdeadbeef, 2, 8, 0x80000000];
const SIGNED = [3, -3, 5, 6, -6, 7, -7, 10, -10, 11, 12, 14, 94, 100, -100, 641, 1000, 65535, 0x7fffffff, -0x7fffffff,
  0x55555555, -0x55555556, 2, -2, 8, -8, 1024, -1073741824, 1073741824, -1, -2147483648];

/** Dividends for divisor c: boundaries around 0, c, multiples of c, 2^31 and 2^32, and random ones. */
function dividends(c: number): number[] {
  const out = [0, 1, 2, 3, 0x7fffffff, 0x80000000, 0x80000001, 0xfffffffe, 0xffffffff, 0xfffffffd, 0x55555555, 0xaaaaaaab];
  for (const k of [1, 2, 3, 7]) out.push(c * k - 1, c * k, c * k + 1, -c * k, -c * k + 1, -c * k - 1);
  const top = Math.floor(0xffffffff / (c >>> 0 || 1)) * (c >>> 0);
  out.push(top, top - 1, top + 1, top - (c >>> 0) + 1);
  for (let i = 0; i < 8; i++) out.push(random());
  return out.map((x) => x >>> 0);
}

const quotient = (x: number, c: number, signed: boolean): number =>
  signed ? Number(BigInt.asUintN(32, BigInt(x | 0) / BigInt(c | 0))) : Math.floor((x >>> 0) / (c >>> 0));
const remainder = (x: number, c: number, signed: boolean): number =>
  signed ? Number(BigInt.asUintN(32, BigInt(x | 0) % BigInt(c | 0))) : (x >>> 0) % (c >>> 0);

describe("division by constants", function () {
  it("plans agree with BigInt division", function () {
    const divisors = new Set<number>();
    for (let d = 3; d < 3000; d++) divisors.add(d);
    for (let k = 2; k < 32; k++) for (const e of [-3, -1, 1, 3]) divisors.add((2 ** k + e) >>> 0);
    for (let i = 0; i < 2000; i++) divisors.add(random() >>> (random() % 30));
    let checked = 0;
    for (const d of divisors) {
      if (d < 3) continue;
      const xs = dividends(d);
      if ((d & (d - 1)) !== 0) {
        const plan = unsignedPlan(d);
        for (const x of xs) {
          expect(evaluateUnsigned(x, plan), `${x} / ${d}`).to.equal(quotient(x, d, false));
          checked++;
        }
      }
      for (const c of [d | 0, -(d | 0)]) {
        const a = Math.abs(c);
        if (a < 3 || a >= 2 ** 31 || (a & (a - 1)) === 0) continue;
        const plan = signedPlan(c);
        for (const x of xs) {
          expect(evaluateSigned(x, c, plan) >>> 0, `${x | 0} / ${c}`).to.equal(quotient(x, c, true));
          checked++;
        }
      }
    }
    expect(checked).to.be.greaterThan(100000);
  });

  it("computes quotients and remainders natively", async function () {
    this.timeout(120000);
    const dir = tmpDir("ts386-divc-");
    const cases = [...UNSIGNED.map((c) => ({ c, signed: false })), ...SIGNED.map((c) => ({ c, signed: true }))];
    const lists = cases.map(({ c }) => dividends(c));
    const width = Math.max(...lists.map((l) => l.length));
    const total = cases.reduce((n, _, i) => n + lists[i]!.length * 5, 0);
    const lines: string[] = [
      `const out = new StaticArray<u32>(${total});`,
      `const xs = new StaticArray<u32>(${width});`,
      `let n: i32 = 0;`,
      `let variable: u32 = 0;`,
    ];
    const body: string[] = [];
    cases.forEach(({ c, signed }, i) => {
      const [t, lit] = signed ? ["i32", `${c | 0}`] : ["u32", `${c >>> 0}`];
      const v = signed ? "i32(variable)" : "variable";
      lines.push(
        `function pair${i}(x: ${t}): void { const q = x / ${lit}; const r = x % ${lit}; out[n] = u32(q); out[n + 1] = u32(r); }`,
        `function quo${i}(x: ${t}): void { out[n + 2] = u32(x / ${lit}); }`,
        `function rem${i}(x: ${t}): void { out[n + 3] = u32(x % ${lit}); }`,
        // a variable divisor: one div for both
        `function both${i}(x: ${t}): void { const d = ${v}; out[n + 4] = u32(x / d) ^ u32(x % d); }`,
      );
      body.push(`  variable = ${c >>> 0};`);
      lists[i]!.forEach((x, k) => body.push(`  xs[${k}] = ${x};`));
      body.push(
        `  for (let k = 0; k < ${lists[i]!.length}; k++) {`,
        `    const x = ${signed ? "i32(xs[k])" : "xs[k]"};`,
        // INT_MIN / -1 traps: not asked for
        ...(signed && c === -1 ? [`    if (x == -2147483648) { n += 5; continue; }`] : []),
        `    pair${i}(x); quo${i}(x); rem${i}(x); both${i}(x);`,
        `    n += 5;`,
        `  }`,
      );
    });
    lines.push(`export function main(): i32 {`, ...body, `  sys_write(1, addressOf(out), usize(${total * 4}));`, `  return 0;`, `}`);
    const src = path.join(dir, "divc.ts");
    fs.writeFileSync(src, lines.join("\n") + "\n");
    const exe = path.join(dir, "divc");
    const asm = path.join(dir, "divc.asm");
    const r = await ts386(["build", src, "-o", exe, "--target", "linux", "--emit-asm", asm]);
    expect(r.stderr).to.equal("");
    const text = fs.readFileSync(asm, "utf8");
    // the constant divisors multiply (only the variable ones and -1 divide)
    const divs = (text.match(/^\s+i?div /gm) ?? []).length;
    expect(divs).to.be.lessThan(cases.length * 2 + 4);
    expect((text.match(/^\s+i?mul e/gm) ?? []).length).to.be.greaterThan(cases.length);
    const run = spawnSync(exe, [], { maxBuffer: 64 << 20 });
    expect(run.status).to.equal(0);
    const words = new Uint32Array(run.stdout.buffer.slice(run.stdout.byteOffset, run.stdout.byteOffset + total * 4));
    let at = 0;
    cases.forEach(({ c, signed }, i) => {
      for (const x of lists[i]!) {
        if (signed && c === -1 && x === 0x80000000) {
          at += 5;
          continue;
        }
        const q = quotient(x, c, signed);
        const rem = remainder(x, c, signed);
        const what = `${signed ? x | 0 : x} ${signed ? "signed" : "unsigned"} by ${signed ? c | 0 : c >>> 0}`;
        expect([words[at], words[at + 1], words[at + 2], words[at + 3], words[at + 4]], what).to.deep.equal([q, rem, q, rem, (q ^ rem) >>> 0]);
        at += 5;
      }
    });
  });
});
