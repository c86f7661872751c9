// idle.ts -- what the kernel does when it has nothing left to do.
//
// Sleep until the next interrupt, handle it, sleep again. Interrupts must be
// enabled, or hlt would never return.

export function kernel_idle(): never {
  while (true) {
    hlt();
  }
}
