// Extra ambient functions for `--target linux` programs (tests and benchmarks).
/// <reference path="./ts386.d.ts" />

/** write(2) through int 0x80; returns bytes written or -errno. */
declare function sys_write(fd: i32, buf: usize, len: usize): i32;
/** exit(2) through int 0x80. */
declare function sys_exit(code: i32): never;
