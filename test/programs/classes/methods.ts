// Methods are plain functions with `this`: a counter and a rectangle.
import { showI32 } from "../lib/print";

@unmanaged
class Counter {
  value: i32;
  step: i32;

  reset(step: i32): void {
    this.value = 0;
    this.step = step;
  }

  tick(): i32 {
    this.value += this.step;
    return this.value;
  }
}

@unmanaged
class Rect {
  w: u32;
  h: u32;

  area(): u32 {
    return this.w * this.h;
  }

  scale(k: u32): void {
    this.w *= k;
    this.h *= k;
  }
}

const c = new Counter();
const r = new Rect();

export function main(): i32 {
  c.reset(3);
  c.tick();
  c.tick();
  showI32("tick", c.tick());
  r.w = 4;
  r.h = 5;
  r.scale(3);
  showI32("area", i32(r.area()));
  return 0;
}
