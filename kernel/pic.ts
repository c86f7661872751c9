// pic.ts -- the two cascaded 8259A interrupt controllers.
//
// At power-on the master PIC delivers IRQ 0-7 on vectors 8-15, where they
// collide with CPU exceptions. We reprogram both chips so IRQ 0-15 arrive on
// vectors 0x20-0x2F, and mask every line; drivers unmask the IRQ they handle.

import { console_writeln } from "./console.js";

export const IRQ_BASE_VECTOR: u32 = 0x20;
export const IRQ_COUNT: u32 = 16;
const IRQ_CASCADE: u32 = 2; // the slave PIC is wired to the master's IRQ 2

const PIC1_COMMAND: u16 = 0x20;
const PIC1_DATA: u16 = 0x21;
const PIC2_COMMAND: u16 = 0xA0;
const PIC2_DATA: u16 = 0xA1;

const ICW1_INIT_WITH_ICW4: u8 = 0x11; // edge triggered, cascade mode, ICW4 follows
const ICW4_8086: u8 = 0x01;
const OCW2_EOI: u8 = 0x20; // non-specific end of interrupt
const OCW3_READ_ISR: u8 = 0x0B; // next read of the command port returns the in-service register

const POST_CODE_PORT: u16 = 0x80;

/** Old PICs need a moment between commands; a write to the POST port takes about 1 us. */
function io_wait(): void {
  outb(POST_CODE_PORT, 0);
}

export function pic_init(): void {
  outb(PIC1_COMMAND, ICW1_INIT_WITH_ICW4);
  io_wait();
  outb(PIC2_COMMAND, ICW1_INIT_WITH_ICW4);
  io_wait();
  outb(PIC1_DATA, u8(IRQ_BASE_VECTOR)); // ICW2: master vector offset
  io_wait();
  outb(PIC2_DATA, u8(IRQ_BASE_VECTOR + 8)); // ICW2: slave vector offset
  io_wait();
  outb(PIC1_DATA, 0x04); // ICW3: a slave on IRQ 2
  io_wait();
  outb(PIC2_DATA, 0x02); // ICW3: the slave's cascade identity
  io_wait();
  outb(PIC1_DATA, ICW4_8086);
  io_wait();
  outb(PIC2_DATA, ICW4_8086);
  io_wait();

  // Everything masked except the cascade line, so slave IRQs can get through once unmasked.
  outb(PIC1_DATA, u8(0xFF & ~(1 << IRQ_CASCADE)));
  outb(PIC2_DATA, 0xFF);

  console_writeln("PIC: remapped IRQs to vectors 0x20-0x2F");
}

export function pic_unmask(irq: u32): void {
  if (irq < 8) {
    outb(PIC1_DATA, u8(inb(PIC1_DATA) & ~(1 << irq)));
  } else {
    outb(PIC2_DATA, u8(inb(PIC2_DATA) & ~(1 << (irq - 8))));
  }
}

export function pic_send_eoi(irq: u32): void {
  if (irq >= 8) {
    outb(PIC2_COMMAND, OCW2_EOI);
  }
  outb(PIC1_COMMAND, OCW2_EOI);
}

/**
 * IRQ 7 and 15 also fire when a request vanished before the CPU acknowledged
 * it; the in-service bit then stays clear. A spurious IRQ 15 still needs an
 * EOI to the master, which did see a real request on its cascade line.
 */
export function pic_is_spurious(irq: u32): bool {
  if (irq == 7) {
    outb(PIC1_COMMAND, OCW3_READ_ISR);
    return (inb(PIC1_COMMAND) & 0x80) == 0;
  }
  if (irq == 15) {
    outb(PIC2_COMMAND, OCW3_READ_ISR);
    if ((inb(PIC2_COMMAND) & 0x80) == 0) {
      outb(PIC1_COMMAND, OCW2_EOI);
      return true;
    }
  }
  return false;
}
