// The ambient surface of the ts386 language: machine integer types, memory access,
// static arrays, unmanaged classes and the x86 intrinsics. No import is needed.
// The TypeScript checker sees every integer type as `number`; the ts386 compiler
// types them itself from these annotations (see docs/language.md).

type i8 = number;
type i16 = number;
type i32 = number;
type u8 = number;
type u16 = number;
type u32 = number;
type isize = number;
type usize = number;
type bool = boolean;

/** C-style casts: truncate or extend to the named type. `u8(true)` is 1. */
declare function i8(x: number | boolean): i8;
declare function i16(x: number | boolean): i16;
declare function i32(x: number | boolean): i32;
declare function u8(x: number | boolean): u8;
declare function u16(x: number | boolean): u16;
declare function u32(x: number | boolean): u32;
declare function isize(x: number | boolean): isize;
declare function usize(x: number | boolean): usize;

/** Reads a T (an integer type) at addr. Every load/store is performed exactly as written (MMIO-safe). */
declare function load<T>(addr: usize): T;
/** Writes a T (an integer type) at addr. */
declare function store<T>(addr: usize, value: T): void;
/** Size in bytes of an integer type or an @unmanaged class. */
declare function sizeof<T>(): usize;
/** Address of a static array, an unmanaged instance, a function or a string literal. */
declare function addressOf(x: unknown): usize;
/** Views the memory at addr as an @unmanaged class instance. */
declare function changetype<T>(addr: usize): T;
/** Indexes without a bounds check: `unchecked(table[i])`. */
declare function unchecked<T>(x: T): T;
/** Class decorator: C layout, no header; instances are static (`new` at module level) or views (`changetype`). */
declare function unmanaged(cls: unknown, ctx?: unknown): void;
/** Class decorator, with @unmanaged: no padding between fields, alignment 1 (descriptor-table pointers, hardware records). */
declare function packed(cls: unknown, ctx?: unknown): void;

/** A fixed-length array in static storage; indexing is bounds-checked. */
declare class StaticArray<T> {
  constructor(length: i32, align?: i32);
  [i: number]: T;
  readonly length: i32;
}

// ---- x86 intrinsics (each compiles to the instruction it names) ----
declare function inb(port: u16): u8;
declare function inw(port: u16): u16;
declare function inl(port: u16): u32;
declare function outb(port: u16, value: u8): void;
declare function outw(port: u16, value: u16): void;
declare function outl(port: u16, value: u32): void;
declare function cli(): void;
declare function sti(): void;
declare function hlt(): void;
declare function pause(): void;
declare function nop(): void;
declare function ud2(): never;
declare function int3(): void;
/** `int n`; n must be a compile-time constant 0..255. */
declare function interrupt(n: u8): void;
declare function readCr0(): u32;
declare function readCr2(): u32;
declare function readCr3(): u32;
declare function readCr4(): u32;
declare function writeCr0(value: u32): void;
declare function writeCr3(value: u32): void;
declare function writeCr4(value: u32): void;
/** lgdt/lidt: load the descriptor-table register from the 6-byte pseudo-descriptor at addr. */
declare function lgdt(addr: usize): void;
declare function lidt(addr: usize): void;
declare function invlpg(addr: usize): void;
declare function readEflags(): u32;
