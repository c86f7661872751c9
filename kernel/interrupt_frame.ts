// interrupt_frame.ts -- what boot/isr.asm leaves on the stack for isr_dispatch.
//
// isr_common pushes the segment registers and the general registers (pushad)
// on top of the vector and error code from the stub and the EIP, CS, EFLAGS
// the CPU pushed; isr_dispatch receives the address of the lowest of them.
// Handlers view that memory as this class (C layout, no header).

/** The stack frame built by boot/isr.asm, lowest address first. */
@unmanaged
export class InterruptFrame {
  gs: u32;
  fs: u32;
  es: u32;
  ds: u32;
  // pushad
  edi: u32;
  esi: u32;
  ebp: u32;
  esp: u32; // the stub's own stack pointer, not the interrupted code's
  ebx: u32;
  edx: u32;
  ecx: u32;
  eax: u32;
  // pushed by the stub (error_code by the CPU for some exceptions)
  vector: u32;
  error_code: u32;
  // pushed by the CPU
  eip: u32;
  cs: u32;
  eflags: u32;
}
