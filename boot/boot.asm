; boot.asm -- the Multiboot entry point of Toyix.
;
; GRUB loads the kernel ELF at 1 MiB (see linker.ld), finds the Multiboot
; header below in the first 8 KiB of the file, and jumps to _start in
; 32-bit protected mode with paging off, interrupts off, EAX holding the
; bootloader magic and EBX the physical address of the Multiboot info.
; We only need a stack before TypeScript can run:
;   kernel_main(multiboot_magic, multiboot_info_addr)   (kernel/main.ts)

BITS 32

MB_HEADER_MAGIC equ 0x1BADB002
MB_PAGE_ALIGN   equ 1 << 0          ; load modules on page boundaries
MB_MEMORY_INFO  equ 1 << 1          ; give us mem_lower/upper and the memory map
MB_FLAGS        equ MB_PAGE_ALIGN | MB_MEMORY_INFO
MB_CHECKSUM     equ -(MB_HEADER_MAGIC + MB_FLAGS)

KERNEL_STACK_SIZE equ 16384

; The header must be 4-byte aligned and within the first 8 KiB of the image;
; linker.ld places this section first.
section .multiboot progbits alloc noexec nowrite align=4
    dd MB_HEADER_MAGIC
    dd MB_FLAGS
    dd MB_CHECKSUM

; The boot stack lives in .bss, inside [__kernel_start, __kernel_end), so the
; physical memory manager never hands it out and paging identity-maps it.
section .bss nobits alloc noexec write align=16
kernel_stack_bottom:
    resb KERNEL_STACK_SIZE
kernel_stack_top:

section .text progbits alloc exec nowrite align=16
global _start
extern kernel_main

_start:
    mov esp, kernel_stack_top
    xor ebp, ebp                    ; end of the frame-pointer chain for backtraces

    ; GRUB leaves EFLAGS in an unspecified state: start from a clean one
    ; (interrupts off, direction flag clear, as cdecl code expects).
    push 0
    popfd

    push ebx                        ; multiboot_info_addr
    push eax                        ; multiboot_magic
    call kernel_main

    ; kernel_main never returns; if it ever does, stop here for good.
    cli
.hang:
    hlt
    jmp .hang
