// panic.ts -- stop the machine when the kernel cannot go on.
//
// kernel_panic prints the reason and halts with interrupts off. Under QEMU
// with an isa-debug-exit device on port 0xF4 (the test harness adds one),
// the final write also ends the emulator, so tests get the verdict at once;
// on a real PC, or in `make run`, nothing listens on that port and the
// machine simply stays halted with the report on screen.

import { console_putc, console_write, console_write_bytes, console_writeln } from "./console.js";

const QEMU_DEBUG_EXIT_PORT: u16 = 0xF4;
/** QEMU exits with status (value << 1) | 1 = 33. Non-zero: 0 would look like QEMU's own failure. */
const QEMU_DEBUG_EXIT_PANIC: u8 = 0x10;

export function kernel_panic(reason: string): never {
  cli();
  console_writeln("*** KERNEL PANIC ***");
  console_write("Reason: ");
  console_writeln(reason);
  console_writeln("System halted.");
  halt_forever();
}

/** Halts for good: with interrupts off only an NMI could wake the CPU, and we halt again. */
function halt_forever(): never {
  cli();
  outb(QEMU_DEBUG_EXIT_PORT, QEMU_DEBUG_EXIT_PANIC);
  while (true) {
    hlt();
  }
}

/**
 * Called by compiled code when a StaticArray index is out of range, with the
 * message the compiler put in .rodata: "index out of bounds at FILE:LINE".
 */
export function __ts386_bounds_fail(msg: usize, len: usize): void {
  cli();
  console_write_bytes(msg, len);
  console_putc(10);
  kernel_panic("bounds check failed");
}
