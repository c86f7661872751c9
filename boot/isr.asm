; isr.asm -- entry stubs for interrupt vectors 0-47.
;
; The CPU enters an IDT gate with only EIP, CS and EFLAGS on the stack, and
; for some exceptions an error code. Each stub below pushes what is missing
; so that every interrupt reaches isr_common with the same frame:
;
;   [esp+0]  vector number
;   [esp+4]  error code   (0 when the CPU pushes none)
;   [esp+8]  EIP, CS, EFLAGS of the interrupted code
;
; Exceptions 8, 10-14, 17, 21, 29 and 30 push an error code themselves; their
; stubs only push the vector. Vectors 32-47 are the remapped PIC IRQs 0-15.
; isr_common saves the rest and calls the TypeScript dispatcher with the
; address of the frame, whose layout kernel/interrupts.ts mirrors as the
; @unmanaged class InterruptFrame (lowest address first):
;
;   gs fs es ds | edi esi ebp esp ebx edx ecx eax (pushad) | vector error
;   | eip cs eflags (pushed by the CPU)
;
;   void isr_dispatch(uint32_t frame_addr);   (exported by kernel/interrupts.ts)
;
; kernel/idt.ts points gate n at isr_stub_table[n].

BITS 32

KERNEL_DATA_SELECTOR equ 0x10

section .text progbits alloc exec nowrite align=16
extern isr_dispatch

isr0:
    push byte 0
    push byte 0
    jmp isr_common
isr1:
    push byte 0
    push byte 1
    jmp isr_common
isr2:
    push byte 0
    push byte 2
    jmp isr_common
isr3:
    push byte 0
    push byte 3
    jmp isr_common
isr4:
    push byte 0
    push byte 4
    jmp isr_common
isr5:
    push byte 0
    push byte 5
    jmp isr_common
isr6:
    push byte 0
    push byte 6
    jmp isr_common
isr7:
    push byte 0
    push byte 7
    jmp isr_common
isr8: ; CPU pushed an error code
    push byte 8
    jmp isr_common
isr9:
    push byte 0
    push byte 9
    jmp isr_common
isr10: ; CPU pushed an error code
    push byte 10
    jmp isr_common
isr11: ; CPU pushed an error code
    push byte 11
    jmp isr_common
isr12: ; CPU pushed an error code
    push byte 12
    jmp isr_common
isr13: ; CPU pushed an error code
    push byte 13
    jmp isr_common
isr14: ; CPU pushed an error code
    push byte 14
    jmp isr_common
isr15:
    push byte 0
    push byte 15
    jmp isr_common
isr16:
    push byte 0
    push byte 16
    jmp isr_common
isr17: ; CPU pushed an error code
    push byte 17
    jmp isr_common
isr18:
    push byte 0
    push byte 18
    jmp isr_common
isr19:
    push byte 0
    push byte 19
    jmp isr_common
isr20:
    push byte 0
    push byte 20
    jmp isr_common
isr21: ; CPU pushed an error code
    push byte 21
    jmp isr_common
isr22:
    push byte 0
    push byte 22
    jmp isr_common
isr23:
    push byte 0
    push byte 23
    jmp isr_common
isr24:
    push byte 0
    push byte 24
    jmp isr_common
isr25:
    push byte 0
    push byte 25
    jmp isr_common
isr26:
    push byte 0
    push byte 26
    jmp isr_common
isr27:
    push byte 0
    push byte 27
    jmp isr_common
isr28:
    push byte 0
    push byte 28
    jmp isr_common
isr29: ; CPU pushed an error code
    push byte 29
    jmp isr_common
isr30: ; CPU pushed an error code
    push byte 30
    jmp isr_common
isr31:
    push byte 0
    push byte 31
    jmp isr_common
isr32: ; IRQ 0
    push byte 0
    push byte 32
    jmp isr_common
isr33: ; IRQ 1
    push byte 0
    push byte 33
    jmp isr_common
isr34: ; IRQ 2
    push byte 0
    push byte 34
    jmp isr_common
isr35: ; IRQ 3
    push byte 0
    push byte 35
    jmp isr_common
isr36: ; IRQ 4
    push byte 0
    push byte 36
    jmp isr_common
isr37: ; IRQ 5
    push byte 0
    push byte 37
    jmp isr_common
isr38: ; IRQ 6
    push byte 0
    push byte 38
    jmp isr_common
isr39: ; IRQ 7
    push byte 0
    push byte 39
    jmp isr_common
isr40: ; IRQ 8
    push byte 0
    push byte 40
    jmp isr_common
isr41: ; IRQ 9
    push byte 0
    push byte 41
    jmp isr_common
isr42: ; IRQ 10
    push byte 0
    push byte 42
    jmp isr_common
isr43: ; IRQ 11
    push byte 0
    push byte 43
    jmp isr_common
isr44: ; IRQ 12
    push byte 0
    push byte 44
    jmp isr_common
isr45: ; IRQ 13
    push byte 0
    push byte 45
    jmp isr_common
isr46: ; IRQ 14
    push byte 0
    push byte 46
    jmp isr_common
isr47: ; IRQ 15
    push byte 0
    push byte 47
    jmp isr_common

; Save the interrupted state, switch to the kernel data segments, and call
; isr_dispatch(&frame). When it returns, restore everything, drop the vector
; and error code, and resume the interrupted code.
isr_common:
    pushad
    push ds
    push es
    push fs
    push gs
    mov ax, KERNEL_DATA_SELECTOR
    mov ds, ax
    mov es, ax
    mov fs, ax
    mov gs, ax
    cld                             ; cdecl code expects DF clear
    push esp                        ; argument: the frame's address
    call isr_dispatch
    add esp, 4
    pop gs
    pop fs
    pop es
    pop ds
    popad
    add esp, 8                      ; vector and error code
    iretd

; The stubs' addresses, indexed by vector, for building the IDT.
section .rodata progbits alloc noexec nowrite align=4
global isr_stub_table
isr_stub_table:
    dd isr0
    dd isr1
    dd isr2
    dd isr3
    dd isr4
    dd isr5
    dd isr6
    dd isr7
    dd isr8
    dd isr9
    dd isr10
    dd isr11
    dd isr12
    dd isr13
    dd isr14
    dd isr15
    dd isr16
    dd isr17
    dd isr18
    dd isr19
    dd isr20
    dd isr21
    dd isr22
    dd isr23
    dd isr24
    dd isr25
    dd isr26
    dd isr27
    dd isr28
    dd isr29
    dd isr30
    dd isr31
    dd isr32
    dd isr33
    dd isr34
    dd isr35
    dd isr36
    dd isr37
    dd isr38
    dd isr39
    dd isr40
    dd isr41
    dd isr42
    dd isr43
    dd isr44
    dd isr45
    dd isr46
    dd isr47
