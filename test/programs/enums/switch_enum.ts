// switch over enum members (a jump table for the dense ones).
import { println } from "../lib/print";

enum Exception { DivideError, Debug, Nmi, Breakpoint, Overflow, BoundRange, InvalidOpcode, DeviceNotAvailable, DoubleFault }

function describe(e: Exception): string {
  switch (e) {
    case Exception.DivideError: return "Divide Error";
    case Exception.Debug: return "Debug";
    case Exception.Nmi: return "NMI";
    case Exception.Breakpoint: return "Breakpoint";
    case Exception.InvalidOpcode: return "Invalid Opcode";
    case Exception.DoubleFault: return "Double Fault";
    default: return "Reserved";
  }
}

export function main(): i32 {
  for (let v = 0; v <= 9; v++) println(describe(v));
  return 0;
}
