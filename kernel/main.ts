// main.ts -- kernel_main: bring the machine up, one layer at a time.
//
// boot/boot.asm calls kernel_main(magic, info) on the boot stack with
// interrupts off. The order matters: the console first so every later step
// can report; our own GDT and IDT before anything can fault; the PIC
// remapped before any IRQ line is unmasked; the PMM while addresses are still
// physical; paging before the drivers, so they start in the memory model the
// kernel keeps; interrupts on only once every handler is in place.
//
// Compile-time switches (ts386 compile --define NAME=true) add fault tests:
//   TOYIX_TRIGGER_PAGE_FAULT      read 0xC0000000, outside the identity map
//   TOYIX_TRIGGER_TEST_EXCEPTION  execute ud2 (#UD, vector 6)
//   TOYIX_TRIGGER_BOUNDS_FAIL     index a StaticArray past its end

import { console_init_all, console_putc, console_register, console_write, console_write_hex32, console_writeln } from "./console.js";
import { gdt_init } from "./gdt.js";
import { idt_init } from "./idt.js";
import { kernel_idle } from "./idle.js";
import { interrupts_enable } from "./interrupts.js";
import { keyboard_init } from "./keyboard.js";
import { MULTIBOOT_BOOTLOADER_MAGIC } from "./multiboot.js";
import { kernel_panic } from "./panic.js";
import { paging_init, paging_test_identity_mapping } from "./paging.js";
import { pic_init } from "./pic.js";
import { pit_init, pit_ticks, pit_wait_ticks } from "./pit.js";
import { pmm_init, pmm_test_once } from "./pmm.js";
import { serial_init, serial_putc } from "./serial.js";
import { vga_init, vga_putc } from "./vga.js";

declare const TOYIX_TRIGGER_PAGE_FAULT: bool;
declare const TOYIX_TRIGGER_TEST_EXCEPTION: bool;
declare const TOYIX_TRIGGER_BOUNDS_FAIL: bool;

const TIMER_HZ: u32 = 100;
const TEST_FAULT_ADDRESS: usize = 0xC0000000;

/** Indexed one past its end by the TOYIX_TRIGGER_BOUNDS_FAIL test. */
const bounds_test_words = new StaticArray<u32>(4);

/** The compiled bounds check calls __ts386_bounds_fail (kernel/panic.ts) with this line. */
function read_bounds_test_word(index: u32): u32 {
  return bounds_test_words[index];
}

export function kernel_main(multiboot_magic: u32, multiboot_info_addr: u32): void {
  console_register(serial_init, serial_putc);
  console_register(vga_init, vga_putc);
  console_init_all();
  console_writeln("Toyix kernel alive");

  if (multiboot_magic == MULTIBOOT_BOOTLOADER_MAGIC) {
    console_writeln("Boot protocol: Multiboot OK");
  } else {
    console_write("Boot protocol: unexpected magic ");
    console_write_hex32(multiboot_magic);
    console_putc(10);
    kernel_panic("unsupported boot protocol");
  }
  console_write("Multiboot info at ");
  console_write_hex32(multiboot_info_addr);
  console_putc(10);

  gdt_init();
  idt_init();
  pic_init();
  pmm_init(multiboot_info_addr);
  pmm_test_once();
  paging_init();
  paging_test_identity_mapping();

  if (TOYIX_TRIGGER_PAGE_FAULT) {
    console_writeln("Triggering test page fault at 0xC0000000...");
    load<u32>(TEST_FAULT_ADDRESS); // performed as written: it faults
  }

  if (TOYIX_TRIGGER_BOUNDS_FAIL) {
    console_writeln("Triggering test bounds failure at index 4 of 4...");
    // No tick has happened yet, so this is 4; reading the counter keeps the index a
    // run-time value, which the compiler cannot reject as out of range beforehand.
    read_bounds_test_word(pit_ticks() + 4);
  }

  pit_init(TIMER_HZ);
  keyboard_init();
  console_writeln("Interrupt hardware: configured");

  if (TOYIX_TRIGGER_TEST_EXCEPTION) {
    console_writeln("Triggering test exception with UD2...");
    ud2();
  }

  interrupts_enable();
  console_writeln("Interrupts: enabled");
  pit_wait_ticks(3);
  console_writeln("Timer: observed 3 ticks");
  console_writeln("Try typing in the QEMU window.");
  console_writeln("Next stop: kernel heap on top of mapped pages.");
  kernel_idle();
}
