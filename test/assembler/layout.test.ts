// Multi-pass layout: pass 2 doubles as the final pass when no symbol moves in it,
// and is an ordinary layout pass when one does (assemble.ts, tentativeFinalPass).

import { expect } from "chai";
import { assembleStatements, assembleText, parseLines, preprocess } from "../../assembler/index.js";
import type { Instruction } from "../../assembler/statements.js";

const text = (o: ReturnType<typeof assembleText>): number[] => [...o.sections.find((s) => s.name === ".text")!.data];

describe("assembler: layout passes", function () {
  it("a value out of range only with the first pass's label values is no error", function () {
    // Pass 1 takes `jmp there` as short (far is not known yet): end - start = 1 + 2 + 200.
    // In pass 2 the db is met before the jump grows, so it sees 460 - 203 = 257; the
    // settled layout has a near jump, and 460 - 206 = 254.
    const o = assembleText("BITS 32\nstart:\n db 460 - (end - start)\n jmp there\n times 200 nop\nthere:\nend:\n", "t.asm");
    const bytes = text(o);
    expect(bytes.length).to.equal(206);
    expect(bytes.slice(0, 6)).to.deep.equal([254, 0xe9, 200, 0, 0, 0]);
  });

  it("reports a value that is out of range in the settled layout", function () {
    expect(() => assembleText("BITS 32\nstart:\n db 462 - (end - start)\n jmp there\n times 200 nop\nthere:\nend:\n", "t.asm"))
      .to.throw(/value 256 does not fit in 8 bits/);
  });

  it("reports the error of the layout pass 2 becomes once a symbol moves, not a later one", function () {
    // The jump grows in pass 2, so L0 moves and the pass goes on as a layout pass; its error
    // is line 5's (L4 - L5 = -4). Had it been swallowed, pass 3 would see L0 moved but L2
    // not yet, and report line 3 (-3), which no real layout gives.
    const src = "section .text\n  jmp away\n  resb L2 - L0\nL0:\n  resb L4 - L5\nL2:\n  times 200 nop\naway:\nL4: dd 0\nL5:\n";
    expect(() => assembleText(src, "t.asm")).to.throw(/^t\.asm\(5,3\): error: cannot reserve a negative amount \(-4\)/);
  });

  it("does not write a count that is huge only with the first pass's values", function () {
    // In pass 2, before the jump grows, the resb count is 3 * 2^33 bytes; settled, it is 0.
    const src = "section .text\ns: jmp fwd\nsection .data\n  resb (205 - (fwd - s)) * 0x200000000\n  db 1\nsection .text\n  times 200 nop\nfwd: ret\n";
    const o = assembleText(src, "t.asm");
    expect([...o.sections.find((x) => x.name === ".data")!.data]).to.deep.equal([1]);
    expect(text(o).slice(0, 5)).to.deep.equal([0xe9, 200, 0, 0, 0]);
  });

  for (const [what, source, count] of [
    ["pass 2 stands (backward jumps only)", "BITS 32\nf:\n nop\n.l:\n add eax, 1\n jne .l\n call f\n ret\n", 5],
    ["pass 2 moves a label (a forward jump grows)", "BITS 32\nf:\n jmp .far\n add eax, 1\n times 130 nop\n.far:\n call f\n ret\n", 134],
  ] as const) {
    it(`reports each instruction's place once when ${what}`, function () {
      const statements = parseLines(preprocess(source, "p.asm"));
      const placed: { ins: Instruction; offset: number; size: number }[] = [];
      const o = assembleStatements(statements, "p.asm", { placed: (ins, _section, offset, size) => placed.push({ ins, offset, size }) });
      expect(placed.length).to.equal(count);
      // Places are consecutive and cover the section exactly.
      let at = 0;
      for (const p of placed) {
        expect(p.offset).to.equal(at);
        at += p.size;
      }
      expect(at).to.equal(text(o).length);
      expect(o).to.deep.equal(assembleText(source, "p.asm"));
    });
  }
});
