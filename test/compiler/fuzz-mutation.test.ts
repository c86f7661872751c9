// Mutation fuzzing of the front end: take the test programs, delete, duplicate,
// swap or replace tokens (half of the time by a token of the same class: a
// literal by a boundary value, an operator or integer type by another, which
// mostly keeps TypeScript happy and exercises ts386's own typing), and lower each mutant. Every outcome must be an
// IrModule or a DiagnosticError; anything else (a crash, an internal error) is
// a bug, reported with the mutant saved to a file for reproduction. Mutants that
// compile are also run by the IR interpreter, which must not reach an
// `unreachable` or an undefined symbol.
//
// The default run is a few seconds; TS386_SOAK=1 runs many more mutants
// (TS386_SOAK=N for N per program), with TS386_SEED to vary the sequence.

import { expect } from "chai";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ts from "typescript";
import { DiagnosticError } from "../../common/diagnostics.js";
import { lowerProgramWith } from "../../compiler/frontend/index.js";
import { InterpreterError, interpret } from "../../compiler/ir-interpreter.js";
import { repoRoot } from "../tools.js";
import { listPrograms, programsDir } from "./frontend/programs.js";

interface Token {
  start: number;
  end: number;
  kind: ts.SyntaxKind;
  text: string;
}

/** The tokens of a source text (comments and whitespace skipped), as spans. */
function tokenize(text: string): Token[] {
  const scanner = ts.createScanner(ts.ScriptTarget.ES2022, true, ts.LanguageVariant.Standard, text);
  const tokens: Token[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    tokens.push({ start: scanner.getTokenStart(), end: scanner.getTokenEnd(), kind, text: scanner.getTokenText() });
  }
  return tokens;
}

/** A small deterministic PRNG (xorshift32) so that a failure can be replayed from its seed. */
function random(seed: number): (n: number) => number {
  let x = seed >>> 0 || 1;
  return (n: number) => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x % n;
  };
}

/** Tokens worth splicing in: they reach the corners of the subset and of the integer rules. */
const spliceTokens = [
  "0", "1", "-1", "255", "256", "0xFFFFFFFF", "4294967296", "2147483648", "1.5", "u8", "i8", "u32", "i32", "bool",
  "true", "null", "this", "(", ")", "{", "}", "[", "]", ";", ",", "=", "==", "+", "-", "*", "/", "%", "<<", ">>", ">>>",
  "&&", "||", "!", "~", "?", ":", "++", "--", "+=", "return", "break", "continue", "if", "while", "for", "switch",
  "case", "new", "function", "=>", "const", "let", "var", "class", "@unmanaged", "unchecked", "addressOf", "load<u32>",
  "store<u8>", "sizeof<u16>()", "changetype<u32>", "\"s\"", "`t`", "typeof", "as", "StaticArray<u8>",
];

/** Classes of interchangeable tokens: swapping within one mostly keeps TypeScript happy and stresses ts386's own rules. */
const interchangeable: string[][] = [
  ["0", "1", "-1", "7", "31", "32", "33", "127", "128", "255", "256", "65535", "65536", "2147483647", "2147483648", "4294967295", "4294967296", "0x80000000"],
  ["+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>", ">>>"],
  ["<", "<=", ">", ">=", "==", "!=", "===", "!=="],
  ["+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", ">>>=", "="],
  ["i8", "i16", "i32", "u8", "u16", "u32", "isize", "usize"],
  ["let", "const"],
  ["&&", "||"],
  ["++", "--"],
  ["true", "false"],
];

type Mutation = (text: string, tokens: Token[], rnd: (n: number) => number) => string;

const mutations: Mutation[] = [
  // replace a token by another of its class (a literal by a boundary value, an operator by another, an integer type by another)
  (text, tokens, rnd) => {
    const candidates = tokens.filter((t) => interchangeable.some((c) => c.includes(t.text)) || t.kind === ts.SyntaxKind.NumericLiteral);
    if (candidates.length === 0) return text;
    const t = candidates[rnd(candidates.length)]!;
    const cls = interchangeable.find((c) => c.includes(t.text)) ?? interchangeable[0]!;
    return text.slice(0, t.start) + cls[rnd(cls.length)]! + text.slice(t.end);
  },
  // delete a token
  (text, tokens, rnd) => {
    const t = tokens[rnd(tokens.length)]!;
    return text.slice(0, t.start) + text.slice(t.end);
  },
  // duplicate a token
  (text, tokens, rnd) => {
    const t = tokens[rnd(tokens.length)]!;
    return text.slice(0, t.end) + " " + text.slice(t.start, t.end) + text.slice(t.end);
  },
  // swap two tokens (nearby ones more often)
  (text, tokens, rnd) => {
    const i = rnd(tokens.length);
    const j = Math.min(tokens.length - 1, i + 1 + (rnd(4) === 0 ? rnd(tokens.length) : rnd(3)));
    if (i === j) return text;
    const a = tokens[i]!;
    const b = tokens[j]!;
    return text.slice(0, a.start) + text.slice(b.start, b.end) + text.slice(a.end, b.start) + text.slice(a.start, a.end) + text.slice(b.end);
  },
  // replace a token with another from the program or from the splice list
  (text, tokens, rnd) => {
    const t = tokens[rnd(tokens.length)]!;
    const other = rnd(2) === 0 ? spliceTokens[rnd(spliceTokens.length)]! : text.slice(...(([s]) => [s.start, s.end])([tokens[rnd(tokens.length)]!]));
    return text.slice(0, t.start) + other + text.slice(t.end);
  },
];

function soakCount(): number {
  const v = process.env["TS386_SOAK"];
  if (!v) return 0;
  const n = Number(v);
  return Number.isInteger(n) && n > 1 ? n : 200;
}

describe("mutation fuzzing of the front end", function () {
  const soak = soakCount();
  this.timeout(soak > 0 ? 0 : 60000);
  const perProgram = soak > 0 ? soak : 10;
  const seed = Number(process.env["TS386_SEED"] ?? 386);
  const cwd = process.cwd();
  before(() => process.chdir(repoRoot));
  after(() => process.chdir(cwd));

  it(`lowers every mutant to an IrModule or a DiagnosticError (${perProgram} mutants per program, seed ${seed})`, () => {
    const rnd = random(seed);
    let accepted = 0;
    let rejected = 0;
    for (const program of listPrograms()) {
      const file = path.join(programsDir, program);
      const text = fs.readFileSync(file, "utf8");
      const tokens = tokenize(text);
      for (let k = 0; k < perProgram; k++) {
        let mutant = text;
        const edits = 1 + rnd(3);
        for (let e = 0; e < edits; e++) {
          const m = rnd(2) === 0 ? mutations[0]! : mutations[1 + rnd(mutations.length - 1)]!;
          mutant = m(mutant, e === 0 ? tokens : tokenize(mutant), rnd);
        }
        try {
          const module = lowerProgramWith(file, { target: "linux", defines: new Map() }, new Map([[file, mutant]]));
          accepted++;
          // A mutant that compiles must also run: to an exit, a signal, or the step limit (mutants may loop forever).
          try {
            interpret(module, { maxSteps: 20000 });
          } catch (e) {
            if (!(e instanceof InterpreterError && /gave up/.test(e.message))) throw e;
          }
        } catch (e) {
          if (e instanceof DiagnosticError) {
            rejected++;
            continue;
          }
          const saved = path.join(os.tmpdir(), `ts386-mutant-${path.basename(program)}`);
          fs.writeFileSync(saved, mutant);
          expect.fail(`mutant of ${program} (saved as ${saved}) crashed the front end: ${(e as Error).stack ?? String(e)}`);
        }
      }
    }
    console.log(`      (${accepted + rejected} mutants: ${accepted} compiled, ${rejected} rejected with diagnostics)`);
    expect(accepted + rejected).to.be.greaterThan(1000);
    expect(rejected).to.be.greaterThan(0);
    expect(accepted).to.be.greaterThan(0);
  });
});
