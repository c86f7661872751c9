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
