// Differential tests: the same objects (nasm, GNU as, gcc -m32 -c) and the same
// script given to GNU ld and to ts386 link must give the same section addresses
// and sizes, symbol values, entry point, program segments and loaded bytes.

import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { KERNEL_SCRIPT } from "../../linker/default-scripts.js";
import { repoRoot, requireTool, run, tmpDir, ts386 } from "../tools.js";
import { fixtures, gas, gcc, gnuLd, nasm, nasmText } from "./build-objects.js";
import { compareLinks } from "./compare-links.js";
import { readExecutable, type Executable } from "./elf-image.js";

const ORACLES = ["nasm", "i686-linux-gnu-ld", "i686-linux-gnu-as", "i686-linux-gnu-gcc"];
const hex = (n: number) => "0x" + n.toString(16);

describe("linker: differential against GNU ld", function () {
  let dir: string;
  let objects: string[];
  let standalone: string[]; // objects that need no script-defined symbols


  before(function () {
    requireTool(this, ...ORACLES);
    dir = tmpDir("ts386-link-diff-");
    objects = [
      nasm(path.join(fixtures, "boot.asm"), path.join(dir, "boot.o"), ["-g", "-F", "dwarf"]),
      gas(path.join(fixtures, "gas.s"), path.join(dir, "gas.o")),
      // -g: DWARF 5 with merged .debug_str/.debug_line_str and relocations into them.
      gcc(path.join(fixtures, "kmain.c"), path.join(dir, "kmain.o"), ["-fcommon", "-g"]),
      gcc(path.join(fixtures, "util.c"), path.join(dir, "util.o"), ["-fcommon", "-g"]),
    ];
    const start = nasmText(dir, "start", `
section .multiboot
    dd 0x1BADB002, 0, -0x1BADB002
section .text
global _start
extern serial_puts, gas_sum
_start:
    push 1
    call gas_sum
    call serial_puts
    jmp $
`);
    standalone = [start, objects[1]!, objects[3]!];
  });

  it("kernel script: ALIGN(4K), KEEP, wildcards, COMMON, PROVIDE, /DISCARD/, weak, narrow relocations, debug info", async function () {
    const { ours } = await compareLinks(dir, objects, path.join(fixtures, "kernel.ld"));
    const names = ours.sections.map((s) => s.name);
    expect(names).to.include.members([".multiboot", ".text", ".rodata", ".data", ".bss", ".debug_info", ".debug_line"]);
    expect(names).not.to.include(".discard_me");
    const sym = (n: string) => ours.symbols.find((s) => s.name === n);
    expect(sym("kernel_size"), "PROVIDE of a referenced symbol").to.not.equal(undefined);
    expect(sym("never_used"), "PROVIDE of an unreferenced symbol").to.equal(undefined);
    expect(ours.symbols.filter((s) => s.name === "calls"), "each object's local 'calls'").to.have.length(2);

    // nm and addr2line read our file as they read GNU ld's.
    requireTool(this, "i686-linux-gnu-nm", "i686-linux-gnu-addr2line");
    const nm = (f: string) => run("i686-linux-gnu-nm", [f]);
    expect(nm(path.join(dir, "ts386.elf"))).to.equal(nm(path.join(dir, "gnu.elf")));
    const at = (name: string) => ours.symbols.find((s) => s.name === name)!.value.toString(16);
    const where = (f: string) => run("i686-linux-gnu-addr2line", ["-f", "-e", f, at("_start"), at("kmain"), at("serial_hex")]);
    expect(where(path.join(dir, "ts386.elf"))).to.match(/boot\.asm:\d+\nkmain\n.*kmain\.c:\d+\nserial_hex\n.*util\.c:\d+/);
    expect(where(path.join(dir, "ts386.elf"))).to.equal(where(path.join(dir, "gnu.elf")));
  });

  it("gcc objects with unwind tables: .eh_frame CIEs merged, FDEs of discarded code dropped", async function () {
    const unwind = ["-fcommon", "-fasynchronous-unwind-tables"];
    const gone = path.join(dir, "gone.c");
    fs.writeFileSync(gone, `__attribute__((section(".gone"))) int gone(int x) { return x * 3 + 1; }
int kept(int x) { return x * 11 + 3; }
`);
    const objs = [
      objects[0]!, objects[1]!,
      gcc(path.join(fixtures, "kmain.c"), path.join(dir, "kmain-eh.o"), unwind),
      gcc(gone, path.join(dir, "gone.o"), unwind),
      gcc(path.join(fixtures, "util.c"), path.join(dir, "util-eh.o"), unwind),
    ];
    const script = path.join(dir, "eh.ld");
    fs.writeFileSync(script, fs.readFileSync(path.join(fixtures, "kernel.ld"), "latin1")
      .replace("*(.eh_frame) *(.discard_me)", "*(.discard_me) *(.gone)"));
    const { ours } = await compareLinks(dir, objs, script);
    expect(ours.sections.some((s) => s.name === ".eh_frame"), "the orphan .eh_frame is kept").to.equal(true);
  });

  it("orphan sections land where GNU ld puts them", async function () {
    const orphan = nasmText(dir, "orphans", `
section .text
global orphan_code
orphan_code: ret
section .text.hot progbits alloc exec nowrite align=16
hot: ret
section .rodata.consts progbits alloc noexec nowrite align=8
consts: dd hot, consts
section .mydata progbits alloc noexec write align=4
mydata: dd 1
section .mybss nobits alloc noexec write align=32
mybss: resb 40
section .notes_nonalloc progbits noalloc
db "not loaded", 0
dd mydata
`);
    const script = path.join(dir, "orphans.ld");
    fs.writeFileSync(script, `ENTRY(_start)
SECTIONS {
  . = 0x200000;
  .text : { *(.text) }
  . = ALIGN(4K);
  .data : { *(.data) }
  end_of_data = .;
  .bss : { *(.bss) *(COMMON) }
  /DISCARD/ : { *(.eh_frame) *(.note*) }
}
`);
    await compareLinks(dir, [...standalone, orphan], script);
  });

  it("script corners: sections of assignments only, empty sections with addresses, symbols between them", async function () {
    const script = path.join(dir, "corners.ld");
    // Inside an output section, numbers and absolute symbols are offsets from its start.
    fs.writeFileSync(script, `ENTRY(_start)
small_abs = 0x1234;
SECTIONS {
  . = 0x300000;
  .text : { *(.multiboot) *(.text) CONSTRUCTORS }
  .marker : { marker_sym = .; }
  .gap : { gap_start = .; . = . + 0x10; gap_end = .; }
  .align_only : { . = ALIGN(64); }
  after_gap = .;
  .comment : { *(.comment) }
  .rodata : { *(.rodata*) }
  .data : {
    ASSERT(. == ADDR(.data), "start of .data");
    d1 = 0x10;
    d2 = small_abs;
    d3 = ABSOLUTE(0x20);
    *(.data)
    . = 0x40;
    d4 = .;
    d4 += 4;
  }
  t1 = ABSOLUTE(small_abs) + ADDR(.rodata);
  t2 = ADDR(.rodata) + 4;
  t3 = ADDR(.rodata) - ADDR(.text);
  t4 = 5 + 3;
  t5 = SIZEOF(.data) + ADDR(.data);
  t6 = . - 0x10;
  t8 = small_abs + ADDR(.data);
  t9 = MAX(ADDR(.data), 4);
  t10 = ALIGN(ADDR(.text), 0x100);
  ASSERT(SIZEOF(.text) > 0 && ADDR(.rodata) >= ADDR(.text), "layout assertion")
  HIDDEN(hidden_mark = . + 8);
  .empty_with_address 0x500000 : { *(.nothing) }
  after_empty = .;
  . = ALIGN(256);
  aligned_after_empty = .;
  .bss : { *(.bss) *(COMMON) }
  PROVIDE_HIDDEN(hidden_end = .);
  total = ABSOLUTE(after_gap) + SIZEOF(.data) + ADDR(.rodata) - 0x300000 + ALIGNOF(.bss) + (DEFINED(gap_end) ? 1 : 0);
}
`);
    await compareLinks(dir, standalone, script);
  });

  it("(NOLOAD), BYTE/SHORT/LONG/QUAD/SQUAD, SORT, EXCLUDE_FILE, FILL and =fill", async function () {
    const tables = nasmText(dir, "tables", `
section .init.3 progbits alloc noexec nowrite align=4
dd 3
section .init.1 progbits alloc noexec nowrite align=4
dd 1
section .init.2 progbits alloc noexec nowrite align=4
dd 2
section .a.small progbits alloc noexec write align=2
dw 1
section .a.big progbits alloc noexec write align=32
db 2
section .a.mid progbits alloc noexec write align=8
db 3
`);
    const script = path.join(dir, "extras.ld");
    fs.writeFileSync(script, `ENTRY(_start)
SECTIONS {
  . = 0x100000;
  .text : { *(.multiboot) *(.text) }
  .stack (NOLOAD) : { . = ALIGN(16); stack_bottom = .; . += 0x1000; stack_top = .; }
  .rodata : {
    init_start = .;
    *(SORT(.init.*))
    FILL(0xdead)
    LONG(0)
    *(.rodata*)
  } =0x5a
  .data : {
    *(.data) *(EXCLUDE_FILE(*util.o) .a.small)
    FILL(1 + 2)
    EXCLUDE_FILE(*gas.o) *(SORT_BY_ALIGNMENT(.a.*))
    BYTE(0x7f) SHORT(stack_top - stack_bottom) LONG(_start) QUAD(0x11223344) SQUAD(-2) BYTE(-1)
  }
  .bss (NOLOAD) : { *(.bss) *(COMMON) }
}
`);
    const { ours } = await compareLinks(dir, [...standalone, tables], script);
    expect(ours.sections.find((s) => s.name === ".stack")!.type, "(NOLOAD) is NOBITS").to.equal(8);
  });

  it("a higher-half kernel: AT() load addresses, LOADADDR, inherited load offsets", async function () {
    const script = path.join(dir, "higher-half.ld");
    fs.writeFileSync(script, `ENTRY(_start)
KERNEL_VMA = 0xC0000000;
SECTIONS {
  . = 1M;
  .multiboot : { *(.multiboot) }
  . += KERNEL_VMA;
  .text ALIGN(4K) : AT(ADDR(.text) - KERNEL_VMA) { *(.text) }
  .rodata ALIGN(4K) : { *(.rodata*) }
  .data ALIGN(4K) : AT(LOADADDR(.rodata) + 0x2000) { *(.data) }
  .bss : { *(.bss) *(COMMON) }
  kernel_phys_end = LOADADDR(.bss) + SIZEOF(.bss);
}
`);
    const { ours } = await compareLinks(dir, standalone, script);
    const text = ours.segments.find((p) => p.type === 1 && p.flags & 1)!;
    expect(text.vaddr - text.paddr, "code runs at 3 GiB + its load address").to.equal(0xc0000000);
  });

  it("the built-in kernel layout (no -T) matches GNU ld given the same script text", async function () {
    const script = path.join(dir, "builtin-kernel.ld");
    fs.writeFileSync(script, KERNEL_SCRIPT);
    const theirs = gnuLd(standalone, path.join(dir, "gnu-default.elf"), script);
    const oursPath = path.join(dir, "ts386-default.elf");
    expect((await ts386(["link", ...standalone, "-o", oursPath])).status).to.equal(0);
    const a = readExecutable(new Uint8Array(fs.readFileSync(oursPath)));
    const b = readExecutable(new Uint8Array(fs.readFileSync(theirs)));
    const brief = (e: Executable) => e.sections.filter((s) => s.flags & 2).map((s) => `${s.name}@${hex(s.address)}+${hex(s.size)}`);
    expect(brief(a)).to.deep.equal(brief(b));
    // ld takes a -T script without ENTRY to start at .text; the built-in layout starts at _start.
    expect(hex(a.entry)).to.equal(hex(b.symbols.find((s) => s.name === "_start")!.value));
    expect(a.sections.find((s) => s.name === ".text")!.address).to.equal(0x100000);
  });

  it("the real kernel objects under build/ with boot/linker.ld (the Makefile's link, every variant)", async function () {
    // As the Makefile links: build/obj/boot/*.o, then the variant's kernel.o.
    const build = path.join(repoRoot, "build");
    const script = path.join(repoRoot, "boot", "linker.ld");
    const bootDir = path.join(build, "obj", "boot");
    const boot = fs.existsSync(bootDir) ? fs.readdirSync(bootDir).filter((f) => f.endsWith(".o")).sort().map((f) => path.join(bootDir, f)) : [];
    const variants = path.join(build, "variants");
    const kernels = [path.join(build, "kernel.o"),
      ...(fs.existsSync(variants) ? fs.readdirSync(variants).sort().map((v) => path.join(variants, v, "kernel.o")) : [])]
      .filter((k) => fs.existsSync(k));
    if (boot.length === 0 || kernels.length === 0 || !fs.existsSync(script)) {
      // `make test` builds the kernel first: missing objects mean its build failed.
      throw new Error("no kernel objects under build/ or no boot/linker.ld: the kernel build failed, or run 'make iso' first");
    }
    for (const kernel of kernels) {
      const { ours } = await compareLinks(tmpDir("ts386-link-kernel-"), [...boot, kernel], script);
      expect(ours.sections[1]!.name, `${kernel}: the Multiboot header first`).to.equal(".multiboot");
      expect(ours.sections[1]!.offset, `${kernel}: within the first 8 KiB of the file`).to.be.lessThan(8192);
    }
  });
});
