; Out-of-range index: the compiler passes a message naming the TS file and line
; ("index out of bounds at src/x.ts:12", no newline: the kernel's handler prints it
; as a console line). Print it on stderr as a line and exit with status 134, as an
; abort would.
bits 32
global __ts386_bounds_fail:function (__ts386_bounds_fail.end - __ts386_bounds_fail)

section .text
; __ts386_bounds_fail(msg: usize, len: usize): never
__ts386_bounds_fail:
    mov ecx, [esp+4]        ; msg
    mov edx, [esp+8]        ; len
    mov ebx, 2              ; stderr
    mov eax, 4              ; __NR_write
    int 0x80
    mov ecx, .newline
    mov edx, 1
    mov ebx, 2
    mov eax, 4              ; __NR_write
    int 0x80
    mov ebx, 134            ; exit status
    mov eax, 1              ; __NR_exit
    int 0x80
    hlt                     ; not reached
.end:

section .rodata
.newline: db 10
