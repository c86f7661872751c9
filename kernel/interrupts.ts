// interrupts.ts -- one dispatcher for every interrupt vector.
//
// All stubs in boot/isr.asm save the interrupted state as an InterruptFrame
// and call isr_dispatch(frame). It calls the handler registered for the
// vector. Until a driver registers one, every vector has a default handler:
// CPU exceptions (0-31) get the generic report and a panic, hardware IRQs
// (32-47) are ignored. After an IRQ handler the PIC gets its end-of-interrupt,
// so the handlers themselves never deal with the PIC.

import { exception_report } from "./exceptions.js";
import { InterruptFrame } from "./interrupt_frame.js";
import { IRQ_BASE_VECTOR, IRQ_COUNT, pic_is_spurious, pic_send_eoi } from "./pic.js";

/** Receives the address of the InterruptFrame; may change the saved registers. */
export type InterruptHandler = (frame: usize) => void;

const VECTOR_COUNT = 256;
const CPU_EXCEPTION_COUNT: u32 = 32;

const handlers = new StaticArray<InterruptHandler>(VECTOR_COUNT);

function unhandled_interrupt(frame: usize): void {
  const f = changetype<InterruptFrame>(frame);
  if (f.vector < CPU_EXCEPTION_COUNT) {
    exception_report(frame);
  }
  // An IRQ nobody asked for (or a vector above 47): nothing to do.
}

/** Gives every vector its default handler; call before loading the IDT. */
export function interrupts_init(): void {
  for (let v: i32 = 0; v < VECTOR_COUNT; v++) {
    handlers[v] = unhandled_interrupt;
  }
}

export function interrupt_register_handler(vector: u32, handler: InterruptHandler): void {
  handlers[vector] = handler;
}

/** Called from isr_common (boot/isr.asm) with interrupts off. */
export function isr_dispatch(frame: usize): void {
  const vector: u32 = changetype<InterruptFrame>(frame).vector;
  if (vector >= IRQ_BASE_VECTOR && vector < IRQ_BASE_VECTOR + IRQ_COUNT) {
    const irq: u32 = vector - IRQ_BASE_VECTOR;
    // A spurious IRQ 7/15 is noise on the line: no handler, and no EOI to the PIC that raised none.
    if (pic_is_spurious(irq)) return;
    const handler = handlers[vector];
    handler(frame);
    pic_send_eoi(irq);
    return;
  }
  const handler = handlers[vector];
  handler(frame);
}

export function interrupts_enable(): void {
  sti();
}
