// Randomised differential test: seeded generators write nasm objects (sections
// of every kind and alignment, local and global labels, cross-object
// R_386_32/R_386_PC32 references, COMMON symbols) and a kernel-style script with
// random alignments and optional statements; GNU ld and ts386 must agree on all
// of it (see compareLinks). The seeds are fixed, so a failure is reproducible:
// the generated files stay in the temporary directory named in the failure.
// Set TS386_LINK_SEEDS to run more seeds.

import * as fs from "node:fs";
import * as path from "node:path";
import { requireTool, tmpDir } from "../tools.js";
import { nasmText } from "./build-objects.js";
import { compareLinks } from "./compare-links.js";

/** mulberry32: a small deterministic PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SECTION_KINDS: Record<string, string> = {
  ".text": "progbits alloc exec nowrite",
  ".text.extra": "progbits alloc exec nowrite",
  ".orphan_x": "progbits alloc exec nowrite",
  ".rodata": "progbits alloc noexec nowrite",
  ".rodata.tbl": "progbits alloc noexec nowrite",
  ".orphan_ro": "progbits alloc noexec nowrite",
  ".data": "progbits alloc noexec write",
  ".mydata": "progbits alloc noexec write",
  ".bss": "nobits alloc noexec write",
  ".ubss": "nobits alloc noexec write",
};

interface Generated {
  sources: string[];
  script: string;
}

function generate(seed: number): Generated {
  const rnd = prng(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(rnd() * list.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const objectCount = int(2, 3);

  // Decide every object's sections and global labels first, so others can refer to them.
  const plans = Array.from({ length: objectCount }, (_, o) => {
    const names = Object.keys(SECTION_KINDS).filter((n) => n === ".text" && o === 0 || rnd() < 0.45);
    if (!names.includes(".text")) names.unshift(".text");
    return names.map((name) => ({
      name, align: pick([1, 2, 4, 8, 16, 32, 64]),
      globals: Array.from({ length: int(1, 3) }, (_, k) => `g${o}_${name.replace(/\W/g, "")}_${k}`),
    }));
  });
  const code = plans.flatMap((p) => p.filter((s) => SECTION_KINDS[s.name]!.includes(" exec")).flatMap((s) => s.globals));
  const all = plans.flatMap((p) => p.flatMap((s) => s.globals));
  const commons = ["shared_a", "shared_b", "lonely"];

  const sources = plans.map((sections, o) => {
    const lines: string[] = [];
    const externs = new Set<string>();
    const ref = (list: string[]) => {
      const name = pick(list);
      if (!sections.some((s) => s.globals.includes(name))) externs.add(name);
      return name;
    };
    for (const s of sections) {
      lines.push(`section ${s.name} ${SECTION_KINDS[s.name]} align=${s.align}`);
      const nobits = SECTION_KINDS[s.name]!.startsWith("nobits");
      const exec = SECTION_KINDS[s.name]!.includes(" exec");
      if (o === 0 && s.name === ".text") lines.push("global _start", "_start:", `    call ${ref(code)}`, "    ret");
      for (const g of s.globals) {
        lines.push(`global ${g}`, `${g}:`);
        const local = `local_${int(0, 2)}_${g}`; // locals of the same shape in every object
        lines.push(`${local}:`);
        if (nobits) {
          lines.push(`    resb ${int(1, 40)}`);
        } else if (exec) {
          lines.push(`    call ${ref(code)}`, `    mov eax, [${ref(all)}]`, `    jmp ${local}`, "    ret");
        } else {
          lines.push(`    dd ${ref(all)}, ${local}`, `    db ${Array.from({ length: int(1, 9) }, () => int(0, 255)).join(", ")}`);
        }
      }
    }
    for (const c of commons) if (rnd() < 0.5) lines.push(`common ${c} ${int(1, 64)}:${pick([1, 4, 16])}`);
    return [...[...externs].map((e) => `extern ${e}`), ...lines].join("\n") + "\n";
  });

  const maybe = (p: number, text: string) => (rnd() < p ? text : "");
  const script = `ENTRY(_start)
SECTIONS
{
  . = ${pick(["1M", "0x200000", "0x400000 + 0x30", "0x10000"])};
  __start = .;
  .text ${maybe(0.5, `ALIGN(${pick(["16", "4K", "64"])})`)} : { *(.text) ${maybe(0.5, "*(.text.*)")} }
  ${maybe(0.5, `. = ALIGN(${pick(["0x1000", "32", "8"])});`)}
  .rodata : { *(.rodata) ${maybe(0.5, "*(.rodata.*)")} }
  .data ${maybe(0.5, "ALIGN(4K)")} : { data_start = .; *(.data) ${maybe(0.5, ". = ALIGN(16);")} data_end = .; }
  ${maybe(0.3, "after_data = .;")}
  ${pick([".bss :", ".bss ALIGN(4K) :", ".bss : ALIGN(4K)"])} { *(.bss) ${maybe(0.7, "*(COMMON)")} }
  __end = .;
}
`;
  return { sources, script };
}

describe("linker: randomised differential against GNU ld", function () {
  before(function () {
    requireTool(this, "nasm", "i686-linux-gnu-ld");
  });

  // TS386_LINK_SEEDS=N runs seeds 1..N (default 12, a couple of seconds) for a longer hunt.
  const count = Number(process.env.TS386_LINK_SEEDS ?? 12);
  for (let seed = 1; seed <= count; seed++) {
    it(`seed ${seed}`, async function () {
      const dir = tmpDir(`ts386-link-random-${seed}-`);
      const { sources, script } = generate(seed);
      const objects = sources.map((text, i) => nasmText(dir, `obj${i}`, text));
      const scriptPath = path.join(dir, "random.ld");
      fs.writeFileSync(scriptPath, script);
      await compareLinks(dir, objects, scriptPath);
    });
  }
});
