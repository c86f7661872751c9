// Methods calling methods, and methods taking other instances.
import { showI32 } from "../lib/print";

@unmanaged
class Vec {
  x: i32;
  y: i32;

  set(x: i32, y: i32): Vec {
    this.x = x;
    this.y = y;
    return this;
  }

  dot(o: Vec): i32 {
    return this.x * o.x + this.y * o.y;
  }

  lengthSquared(): i32 {
    return this.dot(this);
  }

  addTo(o: Vec): void {
    o.x += this.x;
    o.y += this.y;
  }
}

const a = new Vec();
const b = new Vec();

export function main(): i32 {
  a.set(3, 4);
  showI32("len2", a.lengthSquared());
  showI32("dot", a.dot(b.set(-1, 2)));
  a.addTo(b);
  showI32("b.x", b.x);
  showI32("chain", a.set(1, 1).dot(b));
  return 0;
}
