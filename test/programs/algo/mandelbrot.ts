// A fixed-point (16.16) Mandelbrot set in ASCII.
import { printChar, newline } from "../lib/print";

const ONE = 1 << 16;

function iterations(cx: i32, cy: i32): i32 {
  let x: i32 = 0;
  let y: i32 = 0;
  for (let i = 0; i < 30; i++) {
    const x2 = (x >> 8) * (x >> 8);
    const y2 = (y >> 8) * (y >> 8);
    if (x2 + y2 > 4 * ONE) return i;
    const xy = (x >> 8) * (y >> 8);
    x = x2 - y2 + cx;
    y = 2 * xy + cy;
  }
  return 30;
}

export function main(): i32 {
  const shades = " .:-=+*#%@";
  for (let row = 0; row < 12; row++) {
    for (let col = 0; col < 40; col++) {
      const cx = -2 * ONE + col * (3 * ONE / 40);
      const cy = -ONE + row * (2 * ONE / 12);
      const n = iterations(cx, cy);
      printChar(shades.charCodeAt(n >= 30 ? 9 : n % 9));
    }
    newline();
  }
  return 0;
}
