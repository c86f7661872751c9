; gdt.asm -- make a freshly loaded GDT take effect.
;
; kernel/gdt.ts builds the table and loads GDTR with the lgdt intrinsic, but
; the CPU keeps using the cached descriptors of the old segments until every
; segment register is reloaded. Data segments reload with a mov; CS only
; changes through a far jump, which TypeScript cannot express, hence this file.
;
;   void gdt_reload_segments(void);   (declared in kernel/gdt.ts)

BITS 32

KERNEL_CODE_SELECTOR equ 0x08       ; GDT entry 1, RPL 0
KERNEL_DATA_SELECTOR equ 0x10       ; GDT entry 2, RPL 0

section .text progbits alloc exec nowrite align=16
global gdt_reload_segments

gdt_reload_segments:
    mov ax, KERNEL_DATA_SELECTOR
    mov ds, ax
    mov es, ax
    mov fs, ax
    mov gs, ax
    mov ss, ax
    jmp KERNEL_CODE_SELECTOR:.reload_cs
.reload_cs:
    ret
