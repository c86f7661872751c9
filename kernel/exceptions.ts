// exceptions.ts -- the generic report for a CPU exception nobody handles.
//
// It names the exception, shows the error code and the saved registers,
// and panics: in this kernel an unexpected exception is always a bug.

import { console_write_code_location } from "./code_location.js";
import { console_putc, console_write, console_write_hex32, console_writeln } from "./console.js";
import { InterruptFrame } from "./interrupt_frame.js";
import { kernel_panic } from "./panic.js";

function write_exception_name(vector: u32): void {
  switch (vector) {
    case 0: console_write("Division Error"); break;
    case 1: console_write("Debug"); break;
    case 2: console_write("Non-Maskable Interrupt"); break;
    case 3: console_write("Breakpoint"); break;
    case 4: console_write("Overflow"); break;
    case 5: console_write("Bound Range Exceeded"); break;
    case 6: console_write("Invalid Opcode"); break;
    case 7: console_write("Device Not Available"); break;
    case 8: console_write("Double Fault"); break;
    case 9: console_write("Coprocessor Segment Overrun"); break;
    case 10: console_write("Invalid TSS"); break;
    case 11: console_write("Segment Not Present"); break;
    case 12: console_write("Stack-Segment Fault"); break;
    case 13: console_write("General Protection Fault"); break;
    case 14: console_write("Page Fault"); break;
    case 16: console_write("x87 Floating-Point Exception"); break;
    case 17: console_write("Alignment Check"); break;
    case 18: console_write("Machine Check"); break;
    case 19: console_write("SIMD Floating-Point Exception"); break;
    case 20: console_write("Virtualization Exception"); break;
    case 21: console_write("Control Protection Exception"); break;
    case 28: console_write("Hypervisor Injection Exception"); break;
    case 29: console_write("VMM Communication Exception"); break;
    case 30: console_write("Security Exception"); break;
    default: console_write("Reserved"); break;
  }
}

function write_register(name: string, value: u32): void {
  console_write(name);
  console_write("=");
  console_write_hex32(value);
}

export function exception_report(frame: usize): never {
  const f = changetype<InterruptFrame>(frame);
  // The CPU pushed EIP, CS and EFLAGS on the interrupted code's stack (same
  // privilege level), so that stack pointer is just past the frame.
  const interrupted_esp: u32 = frame + sizeof<InterruptFrame>();

  console_writeln("");
  console_writeln("*** CPU EXCEPTION ***");
  console_write("Exception: ");
  write_exception_name(f.vector);
  console_write(" (vector ");
  console_write_hex32(f.vector);
  console_writeln(")");
  write_register("Error code", f.error_code);
  console_putc(10);
  write_register("EAX", f.eax);
  write_register(" EBX", f.ebx);
  write_register(" ECX", f.ecx);
  write_register(" EDX", f.edx);
  console_putc(10);
  write_register("ESI", f.esi);
  write_register(" EDI", f.edi);
  write_register(" EBP", f.ebp);
  write_register(" ESP", interrupted_esp);
  console_putc(10);
  write_register("EIP", f.eip);
  write_register(" CS", f.cs);
  write_register(" EFLAGS", f.eflags);
  console_putc(10);
  console_write_code_location(f.eip);
  kernel_panic("CPU exception");
}
