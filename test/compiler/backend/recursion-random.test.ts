// Random self-recursive functions (the random programs only call earlier functions,
// so they never recurse): returns that combine a recursive call with an expression
// by + * | & ^ (call on either side, one or two calls, several return sites with the
// same or different operations, tail calls, arguments that swap or mix the
// parameters), compiled and run, each result compared with the same recursion in JS.

import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { tmpDir, ts386 } from "../../tools.js";
import { WRITE_U32_SOURCE } from "./write-u32.js";

type Op = "+" | "*" | "|" | "&" | "^";
const OPS: Op[] = ["+", "*", "|", "&", "^"];

/** A u32 expression over the parameters n (the depth, decreasing) and a. */
interface Expr {
  ts: string;
  js: (n: number, a: number) => number;
}

const u = (x: number): number => x >>> 0;
const apply = (op: Op, x: number, y: number): number =>
  op === "+" ? u(x + y) : op === "*" ? u(Math.imul(x, y)) : op === "|" ? u(x | y) : op === "&" ? u(x & y) : u(x ^ y);

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s >>> 8;
  };
}

function generate(seed: number, index: number): { ts: string; js: (n: number, a: number) => number } {
  const next = random(seed * 7919 + index);
  const pick = <T>(xs: T[]): T => xs[next() % xs.length]!;
  const name = `r${index}`;
  const leaf = (): Expr => {
    const k = next() % 1000;
    return pick<Expr>([
      { ts: `${k}`, js: () => k },
      { ts: "n", js: (n) => n },
      { ts: "a", js: (_n, a) => a },
      { ts: `(a * ${k + 3} + n)`, js: (n, a) => u(Math.imul(a, k + 3) + n) },
      { ts: `(a ^ (n << 3))`, js: (n, a) => u(a ^ (n << 3)) },
      { ts: `(a >>> ${k % 7})`, js: (_n, a) => a >>> (k % 7) },
    ]);
  };
  // Arguments of a recursive call: n decreases by 1 or 2; a is kept, mixed or swapped with n.
  const args = (): { ts: string; js: (n: number, a: number) => [number, number] } => {
    const d = 1 + (next() % 2);
    const e = leaf();
    return pick([
      { ts: `n - ${d}, a`, js: (n: number, a: number): [number, number] => [u(n - d), a] },
      { ts: `n - ${d}, ${e.ts}`, js: (n: number, a: number): [number, number] => [u(n - d), e.js(n, a)] },
      { ts: `n - ${d}, a + n`, js: (n: number, a: number): [number, number] => [u(n - d), u(a + n)] },
    ]);
  };
  let fn: (n: number, a: number) => number = () => 0;
  const call = (): Expr => {
    const x = args();
    return { ts: `${name}(${x.ts})`, js: (n, a) => fn(...x.js(n, a)) };
  };
  const base = leaf();
  const op1 = pick(OPS);
  const op2 = next() % 3 === 0 ? pick(OPS) : op1;
  // A recursive return: call op e, e op call, call op call, or a tail call.
  const recursive = (op: Op): Expr => {
    const shape = next() % 4;
    const c = call();
    const e = shape === 2 ? call() : leaf();
    if (shape === 0) return { ts: `${c.ts} ${op} ${e.ts}`, js: (n, a) => apply(op, c.js(n, a), e.js(n, a)) };
    if (shape === 3) return c;
    return { ts: `${e.ts} ${op} ${c.ts}`, js: (n, a) => { const l = e.js(n, a); return apply(op, l, c.js(n, a)); } };
  };
  const first = recursive(op1);
  const second = recursive(op2);
  const split = 2 + (next() % 3);
  fn = (n, a) => (n <= 1 || n > 0x7fffffff ? base.js(n, a) : n % split === 0 ? first.js(n, a) : second.js(n, a));
  const ts = `
function ${name}(n: u32, a: u32): u32 {
  if (n <= 1 || n > 0x7FFFFFFF) return ${base.ts};
  if (n % ${split} == 0) return ${first.ts};
  return ${second.ts};
}`;
  return { ts, js: fn };
}

describe("random self-recursive functions against JS", function () {
  const dir = tmpDir("ts386-recursion-random-");
  for (let seed = 1; seed <= 4; seed++) {
    it(`seed ${seed}: 25 functions`, async function () {
      const fns = Array.from({ length: 25 }, (_, i) => generate(seed, i));
      const calls: string[] = [];
      const expected: string[] = [];
      fns.forEach((f, i) => {
        for (const [n, a] of [[0, 5], [1, 9], [7, 3], [12, 77], [15, 0xfffffff0]] as const) {
          calls.push(`  writeU32(r${i}(${n}, ${a}));`);
          expected.push(`${f.js(n, a)}`);
        }
      });
      const src = path.join(dir, `rec_${seed}.ts`);
      fs.writeFileSync(src, `
${WRITE_U32_SOURCE}${fns.map((f) => f.ts).join("\n")}

export function main(): i32 {
${calls.join("\n")}
  return 0;
}
`);
      const exe = path.join(dir, `rec_${seed}`);
      const r = await ts386(["build", src, "-o", exe, "--target", "linux"]);
      expect(r.stderr, src).to.equal("");
      const run = spawnSync(exe, [], { encoding: "utf8" });
      expect(run.status).to.equal(0);
      expect(run.stdout.split("\n").slice(0, -1), `source kept in ${src}`).to.deep.equal(expected);
    });
  }
});
