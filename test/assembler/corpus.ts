// The generated differential corpus: every mnemonic the assembler accepts with
// every operand form it accepts (registers of each size, immediates at the imm8 /
// imm16 / imm32 boundaries, every addressing form, symbols and externs), jumps
// around the short/near boundary, data directives and the preprocessor.
// Each entry is one NASM source file; the test assembles it with nasm and with
// ts386 and compares the objects.

const R32 = ["eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi"];
const R16 = ["ax", "cx", "dx", "bx", "sp", "bp", "si", "di"];
const R8 = ["al", "cl", "dl", "bl", "ah", "ch", "dh", "bh"];
const SIZE: Record<number, string> = { 8: "byte", 16: "word", 32: "dword" };

const DISPS = ["0", "1", "-1", "4", "127", "128", "-128", "-129", "0x7fffffff", "-0x80000000", "0x80000000", "FWD_K", "BACK_K"];

/** Memory operands (without a size keyword) covering every addressing form. */
export function memoryForms(): string[] {
  const out = ["[0x1234]", "[0]", "[data_a]", "[data_a+8]", "[ext_a]", "[ext_a+4]", "[ext_a-4]", "[FWD_K]", "[text_a]"];
  for (const b of R32) {
    out.push(`[${b}]`);
    for (const d of DISPS) out.push(`[${b}+${d}]`);
    out.push(`[${b}+data_a]`, `[${b}+ext_a+12]`, `[${b}-data_a+data_b]`);
  }
  for (const b of ["eax", "ebx", "esp", "ebp", "edi"]) {
    for (const i of R32) {
      if (i === "esp") continue;
      for (const s of [1, 2, 4, 8]) {
        out.push(`[${b}+${i}*${s}]`, `[${b}+${i}*${s}+4]`, `[${b}+${i}*${s}-200]`, `[${b}+${i}*${s}+data_a]`);
      }
    }
  }
  for (const i of R32) {
    if (i === "esp") continue;
    for (const s of [1, 2, 3, 4, 5, 8, 9]) out.push(`[${i}*${s}]`, `[${i}*${s}+16]`, `[${i}*${s}+data_a]`);
  }
  out.push("[ebx*1+ebp]", "[ebp+eax]", "[eax+ebp]", "[esp+eax]", "[eax+esp]", "[ecx+ecx]", "[4*edx+ebx]", "[edx*4+ebx+2*4]");
  for (const seg of ["es", "cs", "ss", "ds", "fs", "gs"]) out.push(`[${seg}:eax]`, `[${seg}:0x10]`, `[${seg}:ebx+ecx*4+8]`, `[${seg}:ebp-4]`);
  return out;
}

const IMM8 = ["0", "1", "-1", "127", "128", "-128", "255", "0x7f", "'a'", "FWD_K", "BACK_K"];
const IMM16 = ["0", "1", "-1", "127", "128", "-128", "-129", "255", "256", "0x7fff", "0x8000", "0xffff", "-32768", "0xff80", "FWD_K"];
const IMM32 = [
  "0", "1", "-1", "127", "128", "-128", "-129", "255", "256", "0xffff", "0x10000", "0x7fffffff", "0x80000000",
  "0xffffffff", "-0x80000000", "0xffffff80", "0xffffff7f", "FWD_K", "BACK_K", "FWD_K*2+BACK_K", "data_a", "data_a+4",
  "ext_a", "ext_a+8", "text_a", "data_b-data_a", "'abcd'", "byte 5", "byte -3", "dword 5", "strict dword 5",
  "strict byte 5", "word_end - $$",
];

function immFor(size: number): string[] {
  return size === 8 ? IMM8 : size === 16 ? IMM16 : IMM32;
}

function regsFor(size: number): string[] {
  return size === 8 ? R8 : size === 16 ? R16 : R32;
}

const HEADER = `BITS 32
BACK_K equ 100
extern ext_a, ext_b, ext_unused
global text_a, data_a
section .data
data_a: dd 1
data_b: dd 2
section .text
text_a:
`;

const FOOTER = `
word_end:
FWD_K equ 4
`;

/** ALU, test, mov, xchg and friends: register, memory and immediate operands of every size. */
function twoOperandFile(): string {
  const lines: string[] = [];
  const mems = memoryForms();
  const alu = ["add", "or", "adc", "sbb", "and", "sub", "xor", "cmp"];
  for (const m of [...alu, "mov", "test", "xchg"]) {
    for (const size of [8, 16, 32]) {
      const regs = regsFor(size);
      for (const a of regs) for (const b of regs) lines.push(`${m} ${a}, ${b}`);
      const sampled = size === 32 ? mems : mems.filter((_, i) => i % 7 === 0);
      for (const mem of sampled) {
        lines.push(`${m} ${regs[0]}, ${SIZE[size]} ${mem}`, `${m} ${mem}, ${regs[3]}`, `${m} ${regs[6]}, ${mem}`);
      }
      if (m === "xchg") continue;
      for (const imm of immFor(size)) {
        if (size !== 32 && /byte|dword|data|ext|text|'abcd'|word_end/.test(imm)) continue;
        if ((m === "mov" || m === "test") && /byte/.test(imm)) continue; // nasm: mismatch in operand sizes
        for (const r of [regs[0], regs[1], regs[5]]) lines.push(`${m} ${r}, ${imm}`);
        lines.push(`${m} ${SIZE[size]} [ebx+4], ${imm}`, `${m} ${SIZE[size]} [data_a], ${imm}`);
      }
    }
  }
  return HEADER + lines.join("\n") + FOOTER;
}

/** One-operand and special-form instructions. */
function otherFile(): string {
  const lines: string[] = [];
  const mems = memoryForms().filter((_, i) => i % 5 === 0);
  for (const m of ["inc", "dec", "neg", "not", "mul", "div", "idiv", "imul"]) {
    for (const size of [8, 16, 32]) {
      for (const r of regsFor(size)) lines.push(`${m} ${r}`);
      for (const mem of mems) lines.push(`${m} ${SIZE[size]} ${mem}`);
    }
  }
  for (const m of ["rol", "ror", "rcl", "rcr", "shl", "sal", "shr", "sar"]) {
    for (const size of [8, 16, 32]) {
      for (const r of regsFor(size)) lines.push(`${m} ${r}, 1`, `${m} ${r}, cl`, `${m} ${r}, 5`, `${m} ${r}, 31`, `${m} ${r}, FWD_K`);
      for (const mem of mems.slice(0, 12)) lines.push(`${m} ${SIZE[size]} ${mem}, 1`, `${m} ${SIZE[size]} ${mem}, cl`, `${m} ${SIZE[size]} ${mem}, 3`);
    }
  }
  for (const size of [16, 32]) {
    const regs = regsFor(size);
    for (const a of regs) {
      for (const b of regs) lines.push(`imul ${a}, ${b}`, `imul ${a}, ${b}, 3`, `imul ${a}, ${b}, 300`, `imul ${a}, ${b}, -128`);
      lines.push(`imul ${a}, 10`, `imul ${a}, 1000`, `imul ${a}, FWD_K`);
      for (const mem of mems.slice(0, 20)) lines.push(`imul ${a}, ${SIZE[size]} ${mem}`, `imul ${a}, ${mem}, 7`, `imul ${a}, ${mem}, 0x1234`);
    }
  }
  for (const [m, srcs] of [["movzx", [8, 16]], ["movsx", [8, 16]]] as const) {
    for (const dst of [16, 32]) {
      for (const src of srcs) {
        if (src >= dst) continue;
        for (const a of regsFor(dst)) for (const b of regsFor(src)) lines.push(`${m} ${a}, ${b}`);
        for (const mem of mems) lines.push(`${m} ${regsFor(dst)[2]}, ${SIZE[src]} ${mem}`);
      }
    }
  }
  for (const r of [...R32, ...R16]) for (const mem of mems) lines.push(`lea ${r}, ${mem}`);
  for (const r of [...R32, ...R16]) lines.push(`push ${r}`, `pop ${r}`);
  for (const mem of mems) lines.push(`push dword ${mem}`, `pop dword ${mem}`, `push word ${mem}`, `pop word ${mem}`);
  for (const imm of IMM32) if (!/byte|word_end/.test(imm)) lines.push(`push ${imm}`);
  lines.push("push byte 5", "push byte -1", "push word 5", "push word 300", "push strict dword 5", "push dword 0x12345678");
  for (const s of ["es", "cs", "ss", "ds", "fs", "gs"]) lines.push(`push ${s}`);
  for (const s of ["es", "ss", "ds", "fs", "gs"]) lines.push(`pop ${s}`);
  for (const s of ["es", "ss", "ds", "fs", "gs"]) {
    lines.push(`mov ${s}, ax`, `mov ${s}, eax`, `mov ${s}, bx`, `mov ${s}, [ebx]`, `mov ${s}, word [data_a]`);
  }
  for (const s of ["es", "cs", "ss", "ds", "fs", "gs"]) lines.push(`mov ax, ${s}`, `mov edx, ${s}`, `mov [ebx+4], ${s}`, `mov word [data_a], ${s}`);
  for (const c of ["cr0", "cr2", "cr3", "cr4", "dr0", "dr1", "dr2", "dr3", "dr6", "dr7"]) for (const r of R32) lines.push(`mov ${c}, ${r}`, `mov ${r}, ${c}`);
  for (const mem of mems.slice(0, 12)) {
    lines.push(`cmpxchg8b ${mem}`, `cmpxchg8b qword ${mem}`, `lock cmpxchg8b ${mem}`, `fxsave ${mem}`, `fxrstor ${mem}`);
    for (const m of ["lds", "les", "lfs", "lgs", "lss"]) lines.push(`${m} eax, ${mem}`, `${m} di, ${mem}`);
    lines.push(`lar eax, ${mem}`, `lsl ecx, word ${mem}`, `lar dx, ${mem}`, `verr ${mem}`, `verw word ${mem}`, `arpl ${mem}, bx`);
  }
  lines.push("lar eax, bx", "lsl edx, si", "lar eax, ecx", "lsl ax, cx", "verr ax", "verw dx", "arpl ax, bx");
  const cc = ["o", "no", "b", "c", "nae", "ae", "nb", "nc", "e", "z", "ne", "nz", "be", "na", "a", "nbe", "s", "ns", "p", "pe", "np", "po", "l", "nge", "ge", "nl", "le", "ng", "g", "nle"];
  for (const c of cc) {
    for (const r of R8) lines.push(`set${c} ${r}`);
    lines.push(`set${c} byte [eax]`, `set${c} [ebx+4]`, `set${c} byte [data_a]`);
    for (const r of R32) lines.push(`cmov${c} ${r}, ecx`);
    lines.push(`cmov${c} eax, [ebx]`, `cmov${c} ax, bx`, `cmov${c} esi, [data_a]`);
  }
  for (const m of ["ret", "retn", "retf"]) lines.push(m, `${m} 0`, `${m} 4`, `${m} 0xffff`);
  for (const n of ["0", "3", "0x10", "0x80", "255"]) lines.push(`int ${n}`);
  for (const p of ["0", "0x20", "0x60", "0xff"]) lines.push(`in al, ${p}`, `in ax, ${p}`, `in eax, ${p}`, `out ${p}, al`, `out ${p}, ax`, `out ${p}, eax`);
  lines.push("in al, dx", "in ax, dx", "in eax, dx", "out dx, al", "out dx, ax", "out dx, eax");
  for (const mem of mems.slice(0, 30)) lines.push(`lgdt [${mem.slice(1, -1)}]`, `lidt ${mem}`, `sgdt ${mem}`, `sidt ${mem}`, `invlpg ${mem}`);
  for (const r of ["ax", "bx"]) lines.push(`lldt ${r}`, `ltr ${r}`, `str ${r}`, `sldt ${r}`, `lmsw ${r}`, `smsw ${r}`);
  lines.push("lldt [eax]", "ltr word [ebx+2]", "str [ecx]", "sldt [edx]", "smsw eax", "str eax", "sldt eax");
  for (const r of R32) lines.push(`bswap ${r}`, `jmp ${r}`, `call ${r}`, `bsf ${r}, eax`, `bsr ${r}, [ebx]`);
  for (const m of ["bt", "bts", "btr", "btc"]) lines.push(`${m} eax, ecx`, `${m} [ebx], edx`, `${m} ax, cx`, `${m} eax, 5`, `${m} dword [ebx], 31`, `${m} word [eax], 3`);
  lines.push("shld eax, ebx, 4", "shld [ecx], edx, cl", "shrd eax, ebx, cl", "shrd ax, bx, 3", "xadd [eax], ecx", "xadd al, bl", "cmpxchg [ebx], edx", "lock cmpxchg [ebx], ecx", "lock xadd [eax], ax", "lock inc dword [eax]");
  for (const mem of mems.slice(0, 30)) lines.push(`jmp ${mem}`, `call ${mem}`, `jmp dword ${mem}`, `call dword ${mem}`, `jmp far ${mem}`, `call far ${mem}`);
  lines.push("jmp 0x08:text_a", "jmp 0x10:0x1000", "call 0x08:text_a", "jmp 8:word_end", "enter 16, 0", "enter 0x1000, 1", "leave");
  const simple = ["nop", "hlt", "cli", "sti", "cld", "std", "clc", "stc", "cmc", "sahf", "lahf", "int3", "into", "ud2", "pause", "cdq", "cwd",
    "cwde", "cbw", "pushad", "popad", "pusha", "popa", "pushaw", "popaw", "pushfd", "popfd", "pushf", "popf", "pushfw", "popfw", "iretd", "iret", "iretw",
    "cpuid", "rdtsc", "rdmsr", "wrmsr", "wbinvd", "invd", "clts", "movsb", "movsw", "movsd", "stosb", "stosw", "stosd", "lodsb", "lodsw",
    "lodsd", "scasb", "scasw", "scasd", "cmpsb", "cmpsw", "cmpsd", "insb", "insd", "outsb", "outsd", "xlatb", "salc", "int1", "icebp",
    "insw", "outsw", "wait", "fwait", "fninit", "finit", "fnclex", "fclex", "sysenter", "sysexit", "rdpmc", "daa", "das", "aaa", "aas", "aam", "aad"];
  lines.push(...simple, "aam 16", "aad 16", "aam 255", "aad byte 7");
  for (const p of ["rep", "repe", "repz", "repne", "repnz"]) for (const s of ["movsb", "movsd", "movsw", "stosb", "stosd", "stosw", "lodsb", "cmpsb", "scasd"]) lines.push(`${p} ${s}`);
  lines.push("o16 nop", "a16 nop", "lock add [eax], ebx", "lock or dword [fs:ebx], 1");
  return HEADER + lines.join("\n") + FOOTER;
}

/** Jumps and calls: every condition, backward and forward around the short/near boundary, cascades. */
function jumpFile(): string {
  const lines: string[] = [];
  const jcc = ["jo", "jno", "jb", "jc", "jnae", "jae", "jnb", "jnc", "je", "jz", "jne", "jnz", "jbe", "jna", "ja", "jnbe", "js", "jns", "jp", "jpe", "jnp", "jpo", "jl", "jnge", "jge", "jnl", "jle", "jng", "jg", "jnle"];
  for (const m of ["jmp", ...jcc]) {
    lines.push(`${m} text_a`, `${m} other_label`, `${m} ext_a`, `${m} ext_b+4`, `${m} near text_a`);
  }
  lines.push("call text_a", "call ext_a", "call other_label", "call ext_b+8", "call near text_a", "near_label:", "jmp short near_label", "je short near_label");
  lines.push("loop near_label", "loope near_label", "loopne near_label", "loopz near_label", "loopnz near_label", "jecxz near_label", "jcxz near_label");
  for (const n of [120, 121, 122, 123, 124, 125, 126, 127, 128, 129, 130, 131]) {
    for (const m of ["jmp", "jne"]) {
      lines.push(`back_${m}_${n}:`, `times ${n} nop`, `${m} back_${m}_${n}`);
      lines.push(`${m} fwd_${m}_${n}`, `times ${n} nop`, `fwd_${m}_${n}:`);
    }
  }
  // A cascade: each jump stays short only if the ones after it do.
  for (let i = 0; i < 40; i++) lines.push(`jz cascade_end`, `times 3 nop`);
  lines.push("times 2 nop", "cascade_end:");
  for (let i = 0; i < 30; i++) lines.push(`jmp .l${i}`, `.l${i}: times ${i * 5} db 0x90`);
  // Kernel idioms: spin in place, get EIP, jump over bytes.
  lines.push("jmp $", "jmp short $", "jmp $+2", "jmp $-5", "call $+5", "pop eax", "je $+130", "jne $-126", "jmp near $", "hang: hlt", "jmp hang");
  // Jumps across an align whose padding depends on their size.
  lines.push("jmp after_align", "nop", "align 16", "after_align:", "jne back_jmp_120");
  lines.push("section .text2 exec", "other_label:", "jmp text_a", "call text_a", "jmp other_label", "je ext_a", "section .text");
  return HEADER + lines.join("\n") + FOOTER;
}

/** Data, sections, symbols, expressions and the preprocessor. */
function dataFile(): string {
  return `BITS 32
%define TWICE(x) ((x)*2)
%define GREETING "hello"
%assign COUNT 3
%macro save 1-2 eax
  push %1
  push %2
%%inner:
  jmp %%inner
%endmacro
%macro pad 1+
  db %1
%endmacro
%imacro Zero 1
  xor %1, %1
%endmacro
extern ext_a:function
global g_func:function (g_func.end - g_func), g_data:data 4, g_const
section .text
g_func:
  save ebx
  save ecx, edx
  ZERO esi
  zero edi
  mov eax, TWICE(21)
  mov ebx, COUNT
.local:
  jmp .local
%rep COUNT
  inc eax
%endrep
%assign i 0
%rep 5
  mov byte [table + i], i
%assign i i+1
%endrep
%if COUNT > 2
  nop
%elif COUNT > 1
  hlt
%else
  int3
%endif
%ifdef UNDEFINED_THING
  ud2
%endif
%ifndef UNDEFINED_THING
  cld
%endif
  align 8
  mov eax, end_data - g_data
  mov eax, (1 << 4) | 3 & ~1
  mov eax, 100 / 7 + 100 % 7 - (-7 // 2) + (-7 %% 2)
  mov eax, 0x1f + 1fh + $1f + 0b101 + 101b + 17o + 17q + 0q17 + 0o17 + 1_000
  mov eax, 'ab' + "c"
  mov eax, (5 > 3) + (5 == 5) + (2 != 2) + (1 <= 2) + (3 >= 4) + (1 && 0) + (1 || 0) + !0
  mov eax, ($ - $$)
  mov eax, 0x7fffffff >> 28
  mov eax, ext_a + 16
  dd $, $$, g_func, ext_a, ext_a - 4
  ret
.end:
section .data
g_data:
  db 1, 2, 3, 'abc', "de", \`f\\n\\x41\\0\`, 0
  dw 1, -1, 0xffff, 'ab', 'abc', g_data
  dd 1, -1, 0xffffffff, 'abcd', 'abcde', g_func, g_data + 4, ext_a, 3 * 4
  times 3 db 0xaa
  times 2 dd $ - g_data
  pad 1, 2, 3
  db GREETING, 0
  align 4
  db 5
  align 16, db 0
  alignb 8
  db 7
  db g_data, ext_a, g_data + 3       ; R_386_8
  dw ext_a + 2                       ; R_386_16
  mov al, g_data
  mov ax, ext_a
  push word g_data
g_const equ 42
  dd g_const, end_data - g_data
table: times 8 db 0
end_data:
  db "héllo ✓", 0   ; UTF-8 source bytes pass through
msg: db "hello, world", 10
msg_len equ $ - msg
.after_equ: db 0 ; still msg.after_equ: an equ does not start a new local-label scope
  dd msg_len, msg_end - msg
msg_end:
section .rodata
  db "read only", 0
  times 10 - ($ - $$) db '.'
section .bss
  resb 3
  resw 2
  resd 5
  alignb 16
bss_a: resd 1
section .multiboot progbits alloc noexec nowrite align=4
  dd 0x1BADB002, 3, -(0x1BADB002 + 3)
section .custom
  db 1
section .stack nobits alloc write align=32
  resb 64
section .text
  call ext_a
`;
}

/** Macro idioms of kernel code: ISR stub tables, variadic push/pop with %rotate, text conditions. */
function macroFile(): string {
  return `BITS 32
%macro ISR_NOERR 1
global isr%1
isr%1:
    push byte 0
    push byte %1
    jmp isr_common
%endmacro
%macro ISR_ERR 1
global isr%1
isr%1:
    push byte %1
    jmp isr_common
%endmacro
%macro multipush 1-*
%rep %0
    push %1
%rotate 1
%endrep
%endmacro
%macro multipop 1-*
%rep %0
%rotate -1
    pop %1
%endrep
%endmacro
%macro load 2
%ifidni %1, eax
    mov eax, %2
%elifidn %1, ebx
    mov ebx, %2 + 1
%else
    mov %1, %2 + 2
%endif
%ifnum %2
    nop
%endif
%ifid %2
    int3
%endif
%endmacro
%macro opt 0-1
%ifempty %1
    cld
%else
    std
%endif
%endmacro
%macro count_args 0-*
    dd %0
%endmacro
%macro here_line 0
    dd __LINE__, __?LINE?__
%endmacro
section .text
extern isr_dispatch
%assign i 0
%rep 48
%if i == 8 || (i >= 10 && i <= 14) || i == 17 || i == 21 || i == 29 || i == 30
    ISR_ERR i
%else
    ISR_NOERR i
%endif
%assign i i + 1
%endrep
isr_common:
    multipush eax, ebx, ecx, edx
    push esp
    call isr_dispatch
    add esp, 4
    multipop eax, ebx, ecx, edx
    add esp, 8
    iretd
    load EAX, 5
    load ebx, isr_common
    load ecx, 7
    opt
    opt 1
    count_args
    count_args a, b, c
    here_line
    dd __LINE__, __BITS__
    db __FILE__, 0
%ifmacro multipush
    hlt
%endif
%ifnmacro nothing_here
    pause
%endif
%ifn 0
    sti
%endif
section .data
global isr_stub_table
isr_stub_table:
%assign i 0
%rep 48
    dd isr%[i]
%assign i i + 1
%endrep
`;
}

/** struc/istruc layouts and absolute space. */
function strucFile(): string {
  return `BITS 32
NAME_LEN equ 6
struc point
  .x: resd 1
  .y resd 1
  .name: resb NAME_LEN
  alignb 4
  .flags: resw 1
endstruc
.after: ; still under 'point', as in nasm
struc header, 8
  .magic: resd 1
  .size: resd 1
endstruc
absolute 0x100
abs_a: resb 4
abs_b: resw 2
section .text
global start
start:
  mov eax, [ebx + point.y]
  mov ecx, point_size
  lea esi, [edi + header.size]
  mov edx, abs_b - abs_a
  mov eax, abs_b
.l: jmp .l
section .data
p1: istruc point
  at point.x, dd 1
  at point.y, dd 2
  at point.name, db "abc"
iend
p2:
  istruc point
  at point.flags, dw 7
  iend
  dd point_size, header_size, point.flags, header.magic, abs_a
`;
}

/** Code before any section directive: nasm creates that .text last unless a directive names it. */
function implicitSectionFile(): string {
  return `start:
  mov eax, gdt
  ret
section .data
gdt: dq 0, 0x00cf9a000000ffff, 0x00cf92000000ffff, -1, 1 << 40, -(1 << 40), 0x8000000000000000
  dq gdt, "abc"
section .bss
  resq 2
stack: resb 16
section .data
  dd start, stack
`;
}

/** Macro parameter corner cases: %0 with defaults, greedy parameters, {} grouping, %rotate, %xdefine. */
const PREPROCESSOR_FILE = `%macro m 1-3 10, 20
dd %0, %1, %2, %3
%endmacro
%macro g 1+
db %1
dd %0
%endmacro
%macro two 2
dd %1, %2
%endmacro
%macro var 1-*
dd %0
%rep %0
dd %1
%rotate 1
%endrep
%endmacro
m 1
m 1, 2
m 1, 2, 3
g 1, 2, 3
two {1, 2}, 3
two 4, {5}
var 7
var 7, 8, 9
%define F(a, b) (a) * (b)
dd F(2, 3), F((1+1), 4)
%assign x 0
%rep 3
%assign x x + 2
%endrep
dd x
%define lbl foo
lbl: dd lbl
%xdefine A 1
%define B A
%xdefine A 2
dd A, B
%if 1
%elif 2
%else
%endif
%macro lbls 0
%%a: dd %%a
%%b: dd %%b
%endmacro
lbls
lbls
`;

/** `static`/`global` with types and sizes: before and after the definition, `$` and `$$` in the size (nasm: the symbol's own address). */
/** Names that are also properties of Object.prototype: plain labels to nasm, as to any table lookup here. */
const PROTOTYPE_NAMES_FILE = `BITS 32
section .text
constructor:
  mov eax, toString
  mov ebx, constructor
  mov ecx, [valueOf + 4]
  push hasOwnProperty
  jmp __proto__
__proto__: ret
valueOf: jmp constructor
section .data
toString: dd hasOwnProperty, isPrototypeOf
hasOwnProperty: dd 1
isPrototypeOf: db propertyIsEnumerable
propertyIsEnumerable equ 7
`;

const SYMBOLS_FILE = `BITS 32
section .text
static foo:function (foo.end - foo)
static bar:function
static baz
global gfn:function gfn.end - gfn
foo:
  ret
.end:
bar:
  nop
  ret
baz:
  ret
gfn:
  ret
  ret
.end:
static tail:function ($ - tail)
tail:
  nop
  ret
after:
  nop
  ret
static after:function ($ - after)
global gafter:function ($ - gafter)
gafter:
  ret
static f2:function 7, f3:function f3.e - f3, q, r:data, n:notype 3, o:object 5
f2: ret
f3: nop
.e:
q: ret
r: ret
n: ret
o: ret
g1: ret
global g1:function 5
g3: ret
global g3
global g3:function 7
s1: ret
static s1:function 9
h1: nop
global h1:function ($ - $$)
static h2:function ($ - $$ + 1)
nop
h2: nop
h5: nop
global h5:function ($ - h5 + 100)
global never_defined:function 4
static never_defined_either:data 4
section .data
static obj:data 4
obj: dd 1
static obj2:data (obj2.end - obj2)
obj2: dd 1,2
.end:
global gobj:data gobj.end - gobj
gobj: times 3 dd 0
.end:
section .bss
static buf:data 64
buf: resb 64
`;

export interface CorpusFile {
  name: string;
  text: string;
  /** Other files the source reads (incbin), written beside it. */
  extra?: { name: string; bytes: Uint8Array }[];
}

/** incbin with and without offset and length, labels on it, data after it. */
function incbinFile(): CorpusFile {
  const bytes = new Uint8Array(2500).map((_, i) => (i * 37 + (i >> 3)) & 0xff);
  const text = `BITS 32
section .rodata
font: incbin "blob.bin"
font_end:
  incbin "blob.bin", 100
  incbin 'blob.bin', 10, 20
  dd font_end - font
section .text
  mov esi, font
  mov ecx, font_end - font
`;
  return { name: "incbin.asm", text, extra: [{ name: "blob.bin", bytes }] };
}

export function corpus(): CorpusFile[] {
  return [
    { name: "two-operand.asm", text: twoOperandFile() },
    { name: "other.asm", text: otherFile() },
    { name: "jumps.asm", text: jumpFile() },
    { name: "data.asm", text: dataFile() },
    { name: "macros.asm", text: macroFile() },
    { name: "preprocessor.asm", text: PREPROCESSOR_FILE },
    { name: "struc.asm", text: strucFile() },
    incbinFile(),
    { name: "implicit-text.asm", text: implicitSectionFile() },
    { name: "symbols.asm", text: SYMBOLS_FILE },
    { name: "prototype-names.asm", text: PROTOTYPE_NAMES_FILE },
  ];
}
