; memset and memcpy with the C signatures (cdecl), for block initialisation and
; copies the compiler emits as calls.
bits 32
global memset:function (memset.end - memset)
global memcpy:function (memcpy.end - memcpy)

section .text
; memset(dst: usize, byte: i32, len: usize): usize -- returns dst
memset:
    push edi
    mov edi, [esp+8]        ; dst
    mov eax, [esp+12]       ; byte
    mov ecx, [esp+16]       ; len
    mov edx, edi
    cld
    rep stosb
    mov eax, edx
    pop edi
    ret
.end:

; memcpy(dst: usize, src: usize, len: usize): usize -- returns dst
memcpy:
    push edi
    push esi
    mov edi, [esp+12]       ; dst
    mov esi, [esp+16]       ; src
    mov ecx, [esp+20]       ; len
    mov eax, edi
    cld
    rep movsb
    pop esi
    pop edi
    ret
.end:
