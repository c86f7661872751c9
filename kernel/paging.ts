// paging.ts -- identity paging of the first 16 MiB, and page-fault diagnostics.
//
// 32-bit paging without PAE: a linear address splits into a page-directory
// index (bits 31..22), a page-table index (21..12) and an offset (11..0).
// A page table maps 1024 pages of 4 KiB, i.e. 4 MiB, so four static tables
// map 16 MiB, each page onto the same physical address. Everything the
// kernel uses today (low memory, VGA, the image at 1 MiB with its stack and
// these tables) lies below 16 MiB, so every address stays valid when CR0.PG
// is set. The tables are in .bss, inside [__kernel_start, __kernel_end),
// which the PMM reserves. Anything above 16 MiB now faults, and vector 14
// reports the fault instead of the generic exception dump.

import { console_write_code_location } from "./code_location.js";
import { console_putc, console_write, console_write_hex32, console_write_u32_dec, console_writeln } from "./console.js";
import { InterruptFrame } from "./interrupt_frame.js";
import { interrupt_register_handler } from "./interrupts.js";
import { kernel_panic } from "./panic.js";
import { PAGE_SIZE } from "./pmm.js";

const PAGE_PRESENT: u32 = 0x001;
const PAGE_WRITABLE: u32 = 0x002;
const PAGE_FRAME_MASK: u32 = 0xFFFFF000;

const PAGE_DIRECTORY_ENTRIES = 1024;
const PAGE_TABLE_ENTRIES = 1024;
const IDENTITY_MAP_MIB: u32 = 16;
const IDENTITY_TABLE_COUNT = 4; // IDENTITY_MAP_MIB / 4 MiB per table

const CR0_PAGING: u32 = 0x80000000;
const PAGE_FAULT_VECTOR: u32 = 14;

// Page-fault error code bits.
const PF_PRESENT: u32 = 0x01; // 0: page not present; 1: protection violation
const PF_WRITE: u32 = 0x02; // 0: read; 1: write
const PF_USER: u32 = 0x04; // 0: supervisor; 1: user mode
const PF_RESERVED: u32 = 0x08; // a reserved bit was set in a paging entry
const PF_INSTRUCTION: u32 = 0x10; // instruction fetch

// Both must be 4 KiB aligned: CR3 and directory entries hold only bits 31..12.
const page_directory = new StaticArray<u32>(PAGE_DIRECTORY_ENTRIES, 4096);
// The four tables back to back: table t is entries t*1024 .. t*1024+1023.
const identity_tables = new StaticArray<u32>(IDENTITY_TABLE_COUNT * PAGE_TABLE_ENTRIES, 4096);

/** Written and read back once paging is on; lives in .data like any kernel variable. */
let paging_test_word: u32 = 0x12345678;

function zero_page_directory(): void {
  for (let i: i32 = 0; i < PAGE_DIRECTORY_ENTRIES; i++) {
    page_directory[i] = 0;
  }
}

function build_identity_tables(): void {
  for (let table: u32 = 0; table < IDENTITY_TABLE_COUNT; table++) {
    for (let entry: u32 = 0; entry < PAGE_TABLE_ENTRIES; entry++) {
      const physical: u32 = (table * PAGE_TABLE_ENTRIES + entry) * PAGE_SIZE;
      identity_tables[table * PAGE_TABLE_ENTRIES + entry] = (physical & PAGE_FRAME_MASK) | PAGE_PRESENT | PAGE_WRITABLE;
    }
    // Identity-mapped and loaded at its physical address: the table's address is physical.
    const table_address: u32 = addressOf(identity_tables) + table * PAGE_SIZE;
    page_directory[table] = (table_address & PAGE_FRAME_MASK) | PAGE_PRESENT | PAGE_WRITABLE;
  }
}

function print_page_fault_error(error_code: u32): void {
  console_write("Page fault error bits: ");
  if ((error_code & PF_PRESENT) != 0) {
    console_write("present-protection");
  } else {
    console_write("not-present");
  }
  if ((error_code & PF_WRITE) != 0) {
    console_write(" write");
  } else {
    console_write(" read");
  }
  if ((error_code & PF_USER) != 0) {
    console_write(" user");
  } else {
    console_write(" supervisor");
  }
  if ((error_code & PF_RESERVED) != 0) console_write(" reserved-bit");
  if ((error_code & PF_INSTRUCTION) != 0) console_write(" instruction-fetch");
  console_putc(10);
}

function page_fault_handler(frame: usize): void {
  const fault_address: u32 = readCr2(); // the CPU leaves the faulting linear address in CR2
  const f = changetype<InterruptFrame>(frame);
  console_writeln("");
  console_writeln("*** PAGE FAULT ***");
  console_write("Fault address CR2=");
  console_write_hex32(fault_address);
  console_putc(10);
  console_write("EIP=");
  console_write_hex32(f.eip);
  console_write(" error=");
  console_write_hex32(f.error_code);
  console_putc(10);
  print_page_fault_error(f.error_code);
  // After the chapter's lines, which stay together: where the fault was, by name.
  console_write_code_location(f.eip);
  kernel_panic("page fault");
}

export function paging_is_enabled(): bool {
  return (readCr0() & CR0_PAGING) != 0;
}

export function paging_init(): void {
  console_writeln("Paging: building identity map");
  zero_page_directory();
  build_identity_tables();
  interrupt_register_handler(PAGE_FAULT_VECTOR, page_fault_handler);

  writeCr3(addressOf(page_directory));
  // Execution continues at the next instruction, which is identity-mapped.
  writeCr0(readCr0() | CR0_PAGING);
  if (!paging_is_enabled()) {
    kernel_panic("paging enable bit did not stick");
  }

  console_write("Paging: enabled with identity map of first ");
  console_write_u32_dec(IDENTITY_MAP_MIB);
  console_writeln(" MiB");
  console_write("Paging: CR3=");
  console_write_hex32(readCr3());
  console_putc(10);
}

export function paging_test_identity_mapping(): void {
  const before: u32 = paging_test_word;
  paging_test_word = 0xCAFEBABE;
  if (paging_test_word != 0xCAFEBABE) {
    kernel_panic("paging identity test failed: write/read mismatch");
  }
  paging_test_word = before;
  console_writeln("Paging test: identity-mapped kernel data is readable/writable");
}
