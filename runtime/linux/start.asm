; Entry point of a --target linux program: calls `export function main(): i32`
; and exits with its result. The stack the kernel hands over (argc, argv, envp)
; is left alone; main takes no arguments.
bits 32
extern main
global _start:function (_start.end - _start)

section .text
_start:
    call main
    mov ebx, eax            ; exit status
    mov eax, 1              ; __NR_exit
    int 0x80
    hlt                     ; not reached
.end:
