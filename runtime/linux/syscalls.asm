; The two system calls the --target linux language surface declares, as cdecl
; functions over int 0x80 (i386 Linux: number in eax, arguments in ebx, ecx, edx).
bits 32
global sys_write:function (sys_write.end - sys_write)
global sys_exit:function (sys_exit.end - sys_exit)

section .text
; sys_write(fd: i32, buf: usize, len: usize): i32 -- bytes written or -errno
sys_write:
    push ebx                ; callee-saved
    mov ebx, [esp+8]        ; fd
    mov ecx, [esp+12]       ; buf
    mov edx, [esp+16]       ; len
    mov eax, 4              ; __NR_write
    int 0x80
    pop ebx
    ret
.end:

; sys_exit(code: i32): never
sys_exit:
    mov ebx, [esp+4]        ; status
    mov eax, 1              ; __NR_exit
    int 0x80
    hlt                     ; not reached
.end:
