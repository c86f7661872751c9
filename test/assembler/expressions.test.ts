// Unit tests for expression parsing and evaluation: precedence, NASM's number
// formats and operators, character constants, relocatable arithmetic.

import { expect } from "chai";
import { tokenize } from "../../assembler/lexer.js";
import { evaluate, parseExpr, TokenCursor, NO_SEG, type Value } from "../../assembler/expressions.js";
import { DiagnosticError } from "../../common/diagnostics.js";

const symbols: Record<string, Value> = {
  a: { offset: 0x10, seg: 0, unknown: false },
  b: { offset: 0x30, seg: 0, unknown: false },
  d: { offset: 4, seg: 1, unknown: false },
  k: { offset: 7, seg: NO_SEG, unknown: false },
};

function value(text: string): Value {
  const origin = { file: "e.asm", line: 1, text };
  const cur = new TokenCursor(tokenize(text, origin), origin);
  const e = parseExpr(cur, (n) => n);
  expect(cur.atEnd(), `trailing tokens in ${text}`).to.equal(true);
  return evaluate(e, {
    symbol: (n) => symbols[n],
    here: () => ({ offset: 0x20, seg: 0, unknown: false }),
    sectionStart: () => ({ offset: 0, seg: 0, unknown: false }),
    error: (m) => {
      throw new DiagnosticError([{ severity: "error", message: m }]);
    },
  });
}

const num = (text: string) => {
  const v = value(text);
  expect(v.seg, text).to.equal(NO_SEG);
  return v.offset;
};

describe("assembler: expressions", function () {
  it("follows NASM precedence", function () {
    expect(num("2+3*4")).to.equal(14);
    expect(num("(2+3)*4")).to.equal(20);
    expect(num("1 << 4 | 1")).to.equal(17);
    expect(num("6 & 3 ^ 1")).to.equal(3); // & binds tighter than ^
    expect(num("1 | 2 ^ 3")).to.equal(1 | (2 ^ 3));
    expect(num("1 + 2 == 3 && 4 > 3")).to.equal(1);
    expect(num("0 || 2 < 1")).to.equal(0);
    expect(num("-2 * -3")).to.equal(6);
    expect(num("~0")).to.equal(-1);
    expect(num("!5 + !0")).to.equal(1);
    expect(num("10 - 3 - 2")).to.equal(5);
  });

  it("reads every NASM number format", function () {
    for (const t of ["0x1f", "0X1F", "1fh", "0h1f", "$1f", "0b11111", "11111b", "0y11111", "37o", "37q", "0o37", "0q37", "0d31", "31d", "0t31", "3_1"]) {
      expect(num(t), t).to.equal(31);
    }
    expect(num("0ffffffffh")).to.equal(0xffffffff);
  });

  it("has unsigned / and %, signed // and %%, and a logical >>", function () {
    expect(num("7 / 2")).to.equal(3);
    expect(num("-7 // 2")).to.equal(-3);
    expect(num("-7 %% 2")).to.equal(-1);
    expect(num("7 % 4")).to.equal(3);
    expect(num("-8 / 2")).to.equal(0x7ffffffffffffffc);
    expect(num("-1 >> 60")).to.equal(15);
    expect(num("0x80000000 >> 31")).to.equal(1);
    expect(num("1 << 32")).to.equal(2 ** 32);
  });

  it("packs character constants little-endian", function () {
    expect(num("'a'")).to.equal(0x61);
    expect(num("'ab'")).to.equal(0x6261);
    expect(num('"abcd"')).to.equal(0x64636261);
    expect(num("`\\n`")).to.equal(10);
  });

  it("keeps addresses relocatable and subtracts within one section", function () {
    expect(value("a + 4")).to.deep.equal({ offset: 0x14, seg: 0, unknown: false });
    expect(value("4 + a - 1")).to.deep.equal({ offset: 0x13, seg: 0, unknown: false });
    expect(num("b - a")).to.equal(0x20);
    expect(num("$ - $$")).to.equal(0x20);
    expect(num("(b - a) * k")).to.equal(0xe0);
    expect(value("d + k")).to.deep.equal({ offset: 11, seg: 1, unknown: false });
  });

  it("rejects arithmetic that has no relocation", function () {
    expect(() => value("a + b")).to.throw(/cannot add two relocatable values/);
    expect(() => value("d - a")).to.throw(/different sections/);
    expect(() => value("a * 2")).to.throw(/needs plain numbers/);
    expect(() => value("-a")).to.throw(/relocatable/);
    expect(() => value("1 / 0")).to.throw(/division by zero/);
    expect(() => value("1 %% 0")).to.throw(/division by zero/);
  });

  it("marks values that depend on undefined symbols as unknown (for the first pass)", function () {
    expect(value("later + 1").unknown).to.equal(true);
    expect(value("(later - a) * 2").unknown).to.equal(true);
  });
});
