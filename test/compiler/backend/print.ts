// A hand-built IR function `print_i32(x)` that writes x in decimal and a newline
// to stdout through sys_write: tests print their results with it.

import type { IrData } from "../../../compiler/ir.js";
import { c, FnBuilder, s, t } from "./harness.js";

export const PRINT_BUFFER: IrData = {
  name: "print_buffer", section: "bss", align: 4, size: 12, bytes: new Uint8Array(0), relocations: [], exported: false,
};

export function printFunction(): ReturnType<FnBuilder["build"]> {
  const f = new FnBuilder("print_i32", 1, { returnsValue: false });
  const x = f.param(0);
  const u = f.temp(), p = f.temp();
  f.end({ op: "branchCompare", cond: "lt", left: x, right: c(0), ifTrue: 1, ifFalse: 2 }, 1);
  f.bin("sub", c(0), x, u);
  f.end({ op: "jump", target: 3 }, 2);
  f.copy(u, x);
  f.end({ op: "jump", target: 3 }, 3);
  f.copy(p, s("print_buffer", 11));
  f.add({ op: "store", width: 1, address: t(p), offset: 0, value: c(10) });
  f.end({ op: "jump", target: 4 }, 4);
  f.bin("sub", t(p), c(1), p);
  const d = f.bin("remu", t(u), c(10));
  const ch = f.bin("add", d, c(48));
  f.add({ op: "store", width: 1, address: t(p), offset: 0, value: ch });
  f.bin("divu", t(u), c(10), u);
  f.end({ op: "branchCompare", cond: "ne", left: t(u), right: c(0), ifTrue: 4, ifFalse: 5 }, 5);
  f.end({ op: "branchCompare", cond: "lt", left: x, right: c(0), ifTrue: 6, ifFalse: 7 }, 6);
  f.bin("sub", t(p), c(1), p);
  f.add({ op: "store", width: 1, address: t(p), offset: 0, value: c(45) });
  f.end({ op: "jump", target: 7 }, 7);
  const len = f.bin("sub", s("print_buffer", 12), t(p));
  f.call("sys_write", [c(1), t(p), len], "cdecl", undefined);
  f.end({ op: "return" });
  return f.build();
}
