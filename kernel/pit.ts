// pit.ts -- the 8253/8254 programmable interval timer, channel 0 on IRQ 0.
//
// The PIT counts down from a divisor at 1.193182 MHz and raises IRQ 0 each
// time it wraps; divisor = 1193182 / hz gives `hz` interrupts per second.
// Each one increments a tick counter that pit_wait_ticks() watches.

import { console_write, console_write_hex32, console_writeln } from "./console.js";
import { interrupt_register_handler } from "./interrupts.js";
import { IRQ_BASE_VECTOR, pic_unmask } from "./pic.js";

const PIT_CHANNEL0_DATA: u16 = 0x40;
const PIT_COMMAND: u16 = 0x43;
const PIT_INPUT_HZ: u32 = 1193182;
// Channel 0, access low byte then high byte, mode 3 (square wave), binary.
const PIT_CHANNEL0_SQUARE_WAVE: u8 = 0x36;
const PIT_IRQ: u32 = 0;

/** Timer interrupts since pit_init; written only by the IRQ 0 handler. */
let ticks: u32 = 0;

function timer_handler(_frame: usize): void {
  ticks++;
}

export function pit_init(hz: u32): void {
  let divisor: u32 = PIT_INPUT_HZ / hz;
  if (divisor > 0xFFFF) divisor = 0xFFFF; // the counter is 16 bits (0 would mean 65536)
  if (divisor == 0) divisor = 1;

  interrupt_register_handler(IRQ_BASE_VECTOR + PIT_IRQ, timer_handler);
  outb(PIT_COMMAND, PIT_CHANNEL0_SQUARE_WAVE);
  outb(PIT_CHANNEL0_DATA, u8(divisor));
  outb(PIT_CHANNEL0_DATA, u8(divisor >> 8));
  pic_unmask(PIT_IRQ);

  console_write("PIT: timer running at ");
  console_write_hex32(hz);
  console_writeln(" Hz");
}

export function pit_ticks(): u32 {
  return ticks;
}

/** Sleeps until `count` more ticks have passed. Interrupts must be enabled. */
export function pit_wait_ticks(count: u32): void {
  const start: u32 = ticks;
  while (ticks - start < count) {
    hlt(); // the next interrupt wakes us
  }
}
