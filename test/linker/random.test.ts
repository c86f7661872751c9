// Randomised differential test: seeded generators write nasm objects (sections
// of every kind and alignment, local and global labels, cross-object
// R_386_32/R_386_PC32/R_386_16/R_386_8 references with addends, weak and COMMON
// symbols, undefined weak references, DWARF) and a kernel-style script with
// random alignments, patterns (KEEP, SORT, EXCLUDE_FILE), data statements,
// fills, PROVIDE, AT(), (NOLOAD) and /DISCARD/; GNU ld and ts386 must agree on
// all of it (see compareLinks). The seeds are fixed, so a failure is
// reproducible: the generated files stay in the temporary directory named in
// the failure. Set TS386_LINK_SEEDS to run more seeds.

import * as fs from "node:fs";
import * as path from "node:path";
import { prng } from "../prng.js";
import { requireTool, tmpDir } from "../tools.js";
import { nasmText } from "./build-objects.js";
import { compareLinks } from "./compare-links.js";


const SECTION_KINDS: Record<string, string> = {
  ".text": "progbits alloc exec nowrite",
  ".text.extra": "progbits alloc exec nowrite",
  ".orphan_x": "progbits alloc exec nowrite",
  ".rodata": "progbits alloc noexec nowrite",
  ".rodata.tbl": "progbits alloc noexec nowrite",
  ".orphan_ro": "progbits alloc noexec nowrite",
  ".data": "progbits alloc noexec write",
  ".mydata": "progbits alloc noexec write",
  ".note.mine": "note alloc noexec nowrite",
  ".bss": "nobits alloc noexec write",
  ".ubss": "nobits alloc noexec write",
};

interface Generated {
  sources: string[];
  /** Assemble with -g (DWARF: non-allocated orphans with relocations). */
  debug: boolean[];
  script: string;
}

function generate(seed: number): Generated {
  const rnd = prng(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(rnd() * list.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const chance = (p: number) => rnd() < p;
  const objectCount = int(2, 3);

  // Script features the objects depend on.
  const provide = chance(0.5);
  const discard = chance(0.4);
  const narrow = chance(0.5);

  // Decide every object's sections and global labels first, so others can refer to them.
  const plans = Array.from({ length: objectCount }, (_, o) => {
    const names = Object.keys(SECTION_KINDS).filter((n) => n === ".text" && o === 0 || chance(0.45));
    if (!names.includes(".text")) names.unshift(".text");
    return names.map((name) => ({
      name, align: pick([1, 2, 4, 8, 16, 32, 64]),
      globals: Array.from({ length: int(1, 3) }, (_, k) => `g${o}_${name.replace(/\W/g, "")}_${k}`),
    }));
  });
  const code = plans.flatMap((p) => p.filter((s) => SECTION_KINDS[s.name]!.includes(" exec")).flatMap((s) => s.globals));
  const all = plans.flatMap((p) => p.flatMap((s) => s.globals));
  const commons = ["shared_a", "shared_b", "lonely"];
  // A symbol defined weak or strong by several objects (at most one strong).
  const weakDefs = plans.map(() => pick(["none", "weak", "weak", "strong"]));
  weakDefs.forEach((d, i) => {
    if (d === "strong" && weakDefs.indexOf("strong") < i) weakDefs[i] = "weak";
  });

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
          lines.push(`    call ${ref(code)}`, `    mov eax, [${ref(all)} + ${int(0, 12)}]`, `    jmp ${local}`, "    ret");
        } else {
          lines.push(`    dd ${ref(all)} + ${int(0, 8)}, ${local}`, `    db ${Array.from({ length: int(1, 9) }, () => int(0, 255)).join(", ")}`);
          if (narrow && chance(0.5)) lines.push("    dw small16", "    db small8");
          if (provide && chance(0.5)) lines.push("    dd provided_end");
          if (weakDefs.some((d) => d !== "none") && chance(0.3)) lines.push("    dd weak_sym");
          if (chance(0.2)) lines.push("    dd never_defined_weak");
        }
      }
    }
    if (weakDefs[o] !== "none") {
      lines.push("section .data progbits alloc noexec write align=4", `global weak_sym${weakDefs[o] === "weak" ? ":weak" : ""}`, `weak_sym: dd ${o}`);
    }
    if (discard && chance(0.7)) lines.push("section .discard_me progbits alloc noexec write align=4", "dropped:", `    dd ${ref(all)}, dropped`);
    for (const c of commons) if (chance(0.5)) lines.push(`common ${c} ${int(1, 64)}:${pick([1, 4, 16])}`);
    const decls = [...externs].map((e) => `extern ${e}`);
    if (narrow) decls.push("extern small16, small8");
    if (provide) decls.push("extern provided_end");
    if (weakDefs[o] === "none" && !weakDefs.every((d) => d === "none")) decls.push("extern weak_sym");
    decls.push("extern never_defined_weak:weak");
    return [...decls, ...lines].join("\n") + "\n";
  });

  const maybe = (p: number, text: string) => (chance(p) ? text : "");
  const textPatterns = pick(["*(.text)", "*(.text) *(.text.*)", "*(.text .text.*)", "KEEP(*(.text)) *(.text.*)"]);
  const rodataPatterns = pick(["*(.rodata)", "*(.rodata) *(.rodata.*)", "*(.rodata) *(SORT(.rodata.*))", "*(.rodata*)",
    "*(EXCLUDE_FILE(*obj0.o) .rodata .rodata.*)", "EXCLUDE_FILE(*obj1.o) *(.rodata*) *(.rodata*)"]);
  const rodata = `.rodata : { ${rodataPatterns} ${maybe(0.3, "LONG(__start) BYTE(7)")} }`;
  const data = `.data ${pick(["", "", "ALIGN(4K)", "0x800000"])} : ${maybe(0.2, "AT(ADDR(.data) + 0x100000)")} { data_start = .; ${maybe(0.3, "*obj1.o(.data)")} ${maybe(0.3, "FILL(0x11223344)")} *(.data) ${maybe(0.5, pick([". = ALIGN(16);", ". += 4;"]))} data_end = .; } ${maybe(0.2, "=0xab")}`;
  const middle = chance(0.2) ? [data, rodata] : [rodata, data];
  const script = `ENTRY(_start)
${maybe(0.5, "small16 = 0x1234;")}
SECTIONS
{
  . = ${pick(["1M", "0x200000", "0x400000 + 0x30", "0x10000"])};
  __start = .;
  .text ${maybe(0.5, `ALIGN(${pick(["16", "4K", "64"])})`)} : { ${maybe(0.3, "*obj2.o(.text)")} ${textPatterns} } ${maybe(0.3, "=0x90cc")}
  ${maybe(0.5, `. = ALIGN(${pick(["0x1000", "32", "8"])});`)}
  ${middle[0]}
  ${maybe(0.2, ". = . + 0x100;")}
  ${maybe(0.3, ".debug_info : { *(.debug_info) }")}
  ${middle[1]}
  ${maybe(0.3, "after_data = .;")}
  ${pick([".bss :", ".bss ALIGN(4K) :", ".bss : ALIGN(4K)", ".bss (NOLOAD) :"])} { ${pick(["*(.bss) *(COMMON)", "*(COMMON) *(.bss)", "*(.bss)"])} }
  __end = .;
  ${provide ? "PROVIDE(provided_end = .);" : ""}
  ${narrow ? "small16 = 0x1234; small8 = 0x56;" : ""}
  ${discard ? "/DISCARD/ : { *(.discard_me) }" : ""}
}
`;
  return { sources, debug: sources.map(() => chance(0.3)), script };
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
      const { sources, debug, script } = generate(seed);
      const objects = sources.map((text, i) => nasmText(dir, `obj${i}`, text, debug[i] ? ["-g", "-F", "dwarf"] : []));
      const scriptPath = path.join(dir, "random.ld");
      fs.writeFileSync(scriptPath, script);
      await compareLinks(dir, objects, scriptPath);
    });
  }
});
