// Static methods are module-level functions reached through the class name.
import { showI32 } from "../lib/print";

@unmanaged
class MathUtil {
  static max(a: i32, b: i32): i32 {
    return a > b ? a : b;
  }

  static clamp(v: i32, lo: i32, hi: i32): i32 {
    return MathUtil.max(lo, v > hi ? hi : v);
  }
}

export function main(): i32 {
  showI32("max", MathUtil.max(3, 9));
  showI32("clamp", MathUtil.clamp(-5, 0, 10));
  showI32("clamp", MathUtil.clamp(50, 0, 10));
  return 0;
}
