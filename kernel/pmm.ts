// pmm.ts -- the physical memory manager: one bit per 4 KiB page frame.
//
// A set bit means "in use or not RAM". We start with every page in use, free
// the pages the Multiboot memory map calls available, then take back what
// must never be handed out: the low megabyte (BIOS data, VGA, ROMs), the
// kernel image between the linker symbols __kernel_start and __kernel_end
// (code, data, the boot stack, the page tables), and the Multiboot
// structures. Allocation takes the lowest free page.

import { console_putc, console_write, console_write_hex32, console_write_u32_dec, console_writeln } from "./console.js";
import {
  MULTIBOOT_INFO_MEM_MAP,
  MULTIBOOT_INFO_MEMORY,
  MULTIBOOT_MEMORY_AVAILABLE,
  MultibootInfo,
  MultibootMmapEntry,
} from "./multiboot.js";
import { kernel_panic } from "./panic.js";

// Linker symbols (boot/linker.ld): their addresses are the bounds of the image.
declare function __kernel_start(): void;
declare function __kernel_end(): void;

export const PAGE_SIZE: u32 = 4096;
const PAGE_SHIFT: u32 = 12;
const PAGES_IN_4GIB: u32 = 0x100000;
const BITMAP_WORDS = 32768; // 4 GiB / 4 KiB pages / 32 bits per word
const LOW_MEMORY_END: u32 = 0x100000; // 1 MiB

const bitmap = new StaticArray<u32>(BITMAP_WORDS);
/** Pages tracked: everything below the end of the highest available region. */
let total_pages: u32 = 0;
let free_pages: u32 = 0;

function page_is_used(page: u32): bool {
  return (bitmap[page >> 5] & (1 << (page & 31))) != 0;
}

function mark_used(page: u32): void {
  if (!page_is_used(page)) {
    bitmap[page >> 5] |= 1 << (page & 31);
    free_pages--;
  }
}

function mark_free(page: u32): void {
  if (page_is_used(page)) {
    bitmap[page >> 5] &= ~(1 << (page & 31));
    free_pages++;
  }
}

/** Frees the whole pages inside [first_page, end_page). */
function free_range(first_page: u32, end_page: u32): void {
  for (let page: u32 = first_page; page < end_page; page++) mark_free(page);
}

/** Reserves every page that [start, end) touches. */
function reserve_bytes(start: u32, end: u32): void {
  const end_page: u32 = (end >> PAGE_SHIFT) + u32((end & (PAGE_SIZE - 1)) != 0);
  for (let page: u32 = start >> PAGE_SHIFT; page < end_page && page < total_pages; page++) {
    mark_used(page);
  }
}

/** First page after a region, clamped to 4 GiB (32-bit paging cannot reach beyond). */
function region_end_page(entry: MultibootMmapEntry): u32 {
  if (entry.length_high != 0) return PAGES_IN_4GIB;
  const end: u32 = entry.base_low + entry.length_low;
  if (end < entry.base_low) return PAGES_IN_4GIB; // wrapped: ends at or past 4 GiB
  return end >> PAGE_SHIFT;
}

function print_region(entry: MultibootMmapEntry): void {
  console_write("PMM: region ");
  console_write_hex32(entry.base_low);
  console_write("-");
  const end_page: u32 = region_end_page(entry);
  if (end_page == PAGES_IN_4GIB) {
    console_write_hex32(0xFFFFFFFF);
  } else {
    console_write_hex32(entry.base_low + entry.length_low - 1);
  }
  if (entry.type == MULTIBOOT_MEMORY_AVAILABLE) {
    console_writeln(" available");
  } else {
    console_write(" reserved (type ");
    console_write_u32_dec(entry.type);
    console_writeln(")");
  }
}

/** Walks the memory map twice: free what is available, then re-reserve anything else it lists. */
function parse_memory_map(mbi: MultibootInfo): void {
  const map_end: u32 = mbi.mmap_addr + mbi.mmap_length;
  for (let at: u32 = mbi.mmap_addr; at < map_end; at += changetype<MultibootMmapEntry>(at).size + 4) {
    const entry = changetype<MultibootMmapEntry>(at);
    if (entry.base_high != 0) {
      console_writeln("PMM: region above 4 GiB ignored");
      continue;
    }
    print_region(entry);
    if (entry.type != MULTIBOOT_MEMORY_AVAILABLE) continue;
    const first_page: u32 = (entry.base_low >> PAGE_SHIFT) + u32((entry.base_low & (PAGE_SIZE - 1)) != 0);
    const end_page: u32 = region_end_page(entry);
    if (end_page > total_pages) total_pages = end_page;
    free_range(first_page, end_page);
  }
  for (let at: u32 = mbi.mmap_addr; at < map_end; at += changetype<MultibootMmapEntry>(at).size + 4) {
    const entry = changetype<MultibootMmapEntry>(at);
    if (entry.base_high != 0 || entry.type == MULTIBOOT_MEMORY_AVAILABLE) continue;
    const end_page: u32 = region_end_page(entry);
    for (let page: u32 = entry.base_low >> PAGE_SHIFT; page < end_page && page < total_pages; page++) {
      mark_used(page);
    }
  }
}

function print_range(label: string, start: u32, end: u32): void {
  console_write(label);
  console_write_hex32(start);
  console_write("-");
  console_write_hex32(end - 1);
  console_putc(10);
}

export function pmm_init(mbi_addr: u32): void {
  console_writeln("PMM: parsing Multiboot memory map");
  const mbi = changetype<MultibootInfo>(mbi_addr);

  for (let i: i32 = 0; i < BITMAP_WORDS; i++) bitmap[i] = 0xFFFFFFFF;
  total_pages = 0;
  free_pages = 0;

  if ((mbi.flags & MULTIBOOT_INFO_MEM_MAP) != 0) {
    parse_memory_map(mbi);
  } else if ((mbi.flags & MULTIBOOT_INFO_MEMORY) != 0) {
    // No map: mem_upper KiB of RAM start at 1 MiB.
    console_writeln("PMM: no memory map; using mem_upper");
    total_pages = (LOW_MEMORY_END >> PAGE_SHIFT) + (mbi.mem_upper >> 2);
    free_range(LOW_MEMORY_END >> PAGE_SHIFT, total_pages);
  } else {
    kernel_panic("bootloader gave no memory information");
  }

  const kernel_start: u32 = addressOf(__kernel_start);
  const kernel_end: u32 = addressOf(__kernel_end);
  reserve_bytes(0, LOW_MEMORY_END);
  reserve_bytes(kernel_start, kernel_end);
  reserve_bytes(mbi_addr, mbi_addr + sizeof<MultibootInfo>());
  if ((mbi.flags & MULTIBOOT_INFO_MEM_MAP) != 0) {
    reserve_bytes(mbi.mmap_addr, mbi.mmap_addr + mbi.mmap_length);
  }
  print_range("PMM: reserved low memory ", 0, LOW_MEMORY_END);
  print_range("PMM: reserved kernel image ", kernel_start, kernel_end);

  console_write("PMM: ");
  console_write_u32_dec(free_pages);
  console_write(" of ");
  console_write_u32_dec(total_pages);
  console_write(" pages free (");
  console_write_u32_dec(free_pages >> 8);
  console_writeln(" MiB)");
  if (free_pages == 0) kernel_panic("no free physical memory");
}

/** Physical address of a free page, now in use; 0 when memory is exhausted (page 0 is never free). */
export function pmm_alloc_page(): u32 {
  const words: u32 = (total_pages + 31) >> 5;
  for (let w: u32 = 0; w < words; w++) {
    const bits: u32 = bitmap[w];
    if (bits == 0xFFFFFFFF) continue;
    for (let b: u32 = 0; b < 32; b++) {
      if ((bits & (1 << b)) == 0) {
        const page: u32 = (w << 5) + b;
        if (page >= total_pages) return 0;
        mark_used(page);
        return page << PAGE_SHIFT;
      }
    }
  }
  return 0;
}

export function pmm_free_page(address: u32): void {
  const page: u32 = address >> PAGE_SHIFT;
  if ((address & (PAGE_SIZE - 1)) != 0 || page >= total_pages || !page_is_used(page)) {
    kernel_panic("pmm_free_page: bad address or double free");
  }
  mark_free(page);
}

export function pmm_free_page_count(): u32 {
  return free_pages;
}

/** Allocates, writes, frees and reallocates, checking the bookkeeping at each step. */
export function pmm_test_once(): void {
  const kernel_start: u32 = addressOf(__kernel_start);
  const kernel_end: u32 = addressOf(__kernel_end);
  const before: u32 = pmm_free_page_count();

  const a: u32 = pmm_alloc_page();
  const b: u32 = pmm_alloc_page();
  if (a == 0 || b == 0) kernel_panic("PMM test: allocation failed");
  if (a == b) kernel_panic("PMM test: same page allocated twice");
  if (((a | b) & (PAGE_SIZE - 1)) != 0) kernel_panic("PMM test: page not aligned");
  if (a < LOW_MEMORY_END || b < LOW_MEMORY_END) kernel_panic("PMM test: page in low memory");
  if ((a >= kernel_start && a < kernel_end) || (b >= kernel_start && b < kernel_end)) {
    kernel_panic("PMM test: page inside the kernel image");
  }
  if (pmm_free_page_count() != before - 2) kernel_panic("PMM test: free count wrong after allocation");

  // The pages are real memory (paging is still off: addresses are physical).
  store<u32>(a, 0xA5A5A5A5);
  store<u32>(b, 0x5A5A5A5A);
  if (load<u32>(a) != 0xA5A5A5A5 || load<u32>(b) != 0x5A5A5A5A) {
    kernel_panic("PMM test: allocated page does not hold data");
  }

  pmm_free_page(b);
  pmm_free_page(a);
  if (pmm_free_page_count() != before) kernel_panic("PMM test: free count wrong after free");
  const again: u32 = pmm_alloc_page();
  if (again != a) kernel_panic("PMM test: freed page not reused");
  pmm_free_page(again);

  console_writeln("PMM test: allocation/free sanity check passed");
}
