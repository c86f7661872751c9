// idt.ts -- the Interrupt Descriptor Table.
//
// 256 gates, one per vector. Vectors 0-31 (CPU exceptions) and 32-47 (the
// remapped PIC IRQs) point at the assembly stubs of boot/isr.asm, whose
// addresses the linker puts in isr_stub_table; the other gates stay not
// present, so an unexpected `int n` raises a reported #NP instead of
// jumping anywhere. Every gate is a ring-0 32-bit interrupt gate: the CPU
// clears IF on entry, so handlers run with interrupts off.

import { console_writeln } from "./console.js";
import { KERNEL_CODE_SELECTOR } from "./gdt.js";
import { interrupts_init } from "./interrupts.js";

// A link-time symbol, not a function: the address of 48 u32 stub addresses
// (boot/isr.asm). Declaring it as a function lets addressOf() name it.
declare function isr_stub_table(): void;

const IDT_GATES = 256;
const STUB_COUNT: u32 = 48;
const GATE_INTERRUPT_32_RING0: u32 = 0x8E; // present, DPL 0, 32-bit interrupt gate

// Each gate is 8 bytes, kept as two u32 words.
const idt = new StaticArray<u32>(IDT_GATES * 2, 8);
// The 6-byte pseudo-descriptor lidt reads: limit (u16), then base (u32) as two u16.
const idtr = new StaticArray<u16>(3, 4);

function idt_set_gate(vector: u32, handler: u32, selector: u32, type_attributes: u32): void {
  idt[vector * 2] = (handler & 0xFFFF) | (selector << 16);
  idt[vector * 2 + 1] = (handler & 0xFFFF0000) | (type_attributes << 8);
}

export function idt_init(): void {
  interrupts_init();

  const stubs: usize = addressOf(isr_stub_table);
  for (let vector: u32 = 0; vector < STUB_COUNT; vector++) {
    idt_set_gate(vector, load<u32>(stubs + vector * 4), KERNEL_CODE_SELECTOR, GATE_INTERRUPT_32_RING0);
  }

  const base: u32 = addressOf(idt);
  idtr[0] = u16(IDT_GATES * 8 - 1);
  idtr[1] = u16(base);
  idtr[2] = u16(base >> 16);
  lidt(addressOf(idtr));

  console_writeln("IDT: installed CPU exception handlers");
}
