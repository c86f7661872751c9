// Generated-code quality: instruction counts (valgrind --tool=callgrind, which is
// deterministic) of small programs built by ts386 and their C twins built by
// i686-linux-gnu-gcc -O2, run natively. The compiler's target is at most 1.5x gcc.
// Both builds must also agree on the result (the exit status).

import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { requireTool, run, tmpDir, ts386 } from "../../tools.js";

const MAX_RATIO = 1.5;

const PROGRAMS: Record<string, { ts: string; c: string }> = {
  sieve: {
    ts: `const flags = new StaticArray<u8>(200000);
function sieve(n: i32): i32 {
  let count: i32 = 0;
  let i: i32 = 2;
  while (i < n) { flags[i] = 1; i = i + 1; }
  i = 2;
  while (i < n) {
    if (flags[i] != 0) {
      count = count + 1;
      let j: i32 = i + i;
      while (j < n) { flags[j] = 0; j = j + i; }
    }
    i = i + 1;
  }
  return count;
}
export function main(): i32 { return sieve(200000) & 255; }
`,
    c: `static unsigned char flags[200000];
__attribute__((noinline)) int sieve(int n) {
  int count = 0;
  for (int i = 2; i < n; i++) flags[i] = 1;
  for (int i = 2; i < n; i++) if (flags[i]) { count++; for (int j = i + i; j < n; j += i) flags[j] = 0; }
  return count;
}
int main(void) { return sieve(200000) & 255; }
`,
  },
  collatz: {
    ts: `function steps(n: u32): i32 {
  let s: i32 = 0;
  while (n != 1) {
    if ((n & 1) == 0) n = n / 2; else n = n * 3 + 1;
    s = s + 1;
  }
  return s;
}
export function main(): i32 {
  let best: i32 = 0;
  let i: u32 = 1;
  while (i < 30000) { const s = steps(i); if (s > best) best = s; i = i + 1; }
  return best & 255;
}
`,
    c: `__attribute__((noinline)) int steps(unsigned n) { int s = 0; while (n != 1) { if ((n & 1) == 0) n = n / 2; else n = n * 3 + 1; s++; } return s; }
int main(void) { int best = 0; for (unsigned i = 1; i < 30000; i++) { int s = steps(i); if (s > best) best = s; } return best & 255; }
`,
  },
  fib: {
    ts: `function fib(n: i32): i32 { if (n < 2) return n; return fib(n - 1) + fib(n - 2); }
export function main(): i32 { return fib(25) & 255; }
`,
    c: `__attribute__((noinline)) int fib(int n) { if (n < 2) return n; return fib(n - 1) + fib(n - 2); }
int main(void) { return fib(25) & 255; }
`,
  },
  crc: {
    ts: `const data = new StaticArray<u8>(4096);
function crc32(len: i32): u32 {
  let crc: u32 = 0xFFFFFFFF;
  let i: i32 = 0;
  while (i < len) {
    crc = crc ^ u32(data[i]);
    let k: i32 = 0;
    while (k < 8) {
      const mask: u32 = u32(0) - (crc & 1);
      crc = (crc >> 1) ^ (0xEDB88320 & mask);
      k = k + 1;
    }
    i = i + 1;
  }
  return ~crc;
}
export function main(): i32 {
  let i: i32 = 0;
  while (i < 4096) { data[i] = u8(i * 7 + 3); i = i + 1; }
  let r: u32 = 0;
  let rep: i32 = 0;
  while (rep < 10) { data[0] = u8(rep); r = r ^ crc32(4096); rep = rep + 1; }
  return i32(r & 255);
}
`,
    c: `static unsigned char data[4096];
__attribute__((noinline)) unsigned crc32(int len) {
  unsigned crc = 0xFFFFFFFF;
  for (int i = 0; i < len; i++) { crc ^= data[i]; for (int k = 0; k < 8; k++) { unsigned mask = 0u - (crc & 1); crc = (crc >> 1) ^ (0xEDB88320 & mask); } }
  return ~crc;
}
int main(void) { for (int i = 0; i < 4096; i++) data[i] = (unsigned char)(i * 7 + 3); unsigned r = 0; for (int rep = 0; rep < 10; rep++) { data[0] = rep; r ^= crc32(4096); } return r & 255; }
`,
  },
  sort: {
    ts: `const arr = new StaticArray<i32>(600);
function fill(seed: u32): void {
  let x: u32 = seed;
  let i: i32 = 0;
  while (i < 600) { x = x * 1103515245 + 12345; arr[i] = i32(x >> 8); i = i + 1; }
}
function sort(n: i32): void {
  let i: i32 = 0;
  while (i < n) {
    let j: i32 = 0;
    while (j < n - 1 - i) {
      const a = arr[j];
      const b = arr[j + 1];
      if (a > b) { arr[j] = b; arr[j + 1] = a; }
      j = j + 1;
    }
    i = i + 1;
  }
}
export function main(): i32 {
  fill(7);
  sort(600);
  return (arr[0] ^ arr[599]) & 255;
}
`,
    c: `static int arr[600];
__attribute__((noinline)) void fill(unsigned seed) { unsigned x = seed; for (int i = 0; i < 600; i++) { x = x * 1103515245u + 12345u; arr[i] = (int)(x >> 8); } }
__attribute__((noinline)) void sort(int n) { for (int i = 0; i < n; i++) for (int j = 0; j < n - 1 - i; j++) { int a = arr[j], b = arr[j + 1]; if (a > b) { arr[j] = b; arr[j + 1] = a; } } }
int main(void) { fill(7); sort(600); return (arr[0] ^ arr[599]) & 255; }
`,
  },
  strsum: {
    ts: `const text = "The quick brown fox jumps over the lazy dog, again and again and again.";
function checksum(rounds: i32): u32 {
  let h: u32 = 2166136261;
  let r: i32 = 0;
  while (r < rounds) {
    let i: i32 = 0;
    while (i < text.length) {
      h = (h ^ u32(text.charCodeAt(i))) * 16777619;
      i = i + 1;
    }
    r = r + 1;
  }
  return h;
}
export function main(): i32 { return i32(checksum(20000) & 255); }
`,
    c: `static const char text[] = "The quick brown fox jumps over the lazy dog, again and again and again.";
__attribute__((noinline)) unsigned checksum(int rounds) { unsigned h = 2166136261u; for (int r = 0; r < rounds; r++) for (int i = 0; i < (int)sizeof(text) - 1; i++) h = (h ^ (unsigned char)text[i]) * 16777619u; return h; }
int main(void) { return checksum(20000) & 255; }
`,
  },
  particles: {
    ts: `@unmanaged
class Particle {
  x!: i32;
  y!: i32;
  vx!: i32;
  vy!: i32;
}
const particles = new StaticArray<u8>(16 * 256);
function at(i: i32): Particle { return changetype<Particle>(addressOf(particles) + usize(i * 16)); }
function init(): void {
  let i!: i32;
  while (i < 256) {
    const p = at(i);
    p.x = i * 3; p.y = i * 7; p.vx = (i & 7) - 3; p.vy = (i & 3) - 1;
    i = i + 1;
  }
}
function step(): i32 {
  let sum!: i32;
  let i!: i32;
  while (i < 256) {
    const p = at(i);
    p.x = p.x + p.vx;
    p.y = p.y + p.vy;
    if (p.x < 0 || p.x > 1000) p.vx = -p.vx;
    if (p.y < 0 || p.y > 1000) p.vy = -p.vy;
    sum = sum + p.x + p.y;
    i = i + 1;
  }
  return sum;
}
export function main(): i32 {
  init();
  let s!: i32;
  let k!: i32;
  while (k < 200) { s = s ^ step(); k = k + 1; }
  return s & 255;
}
`,
    c: `struct Particle { int x, y, vx, vy; };
static struct Particle particles[256];
__attribute__((noinline)) void init(void) { for (int i = 0; i < 256; i++) { struct Particle *p = &particles[i]; p->x = i * 3; p->y = i * 7; p->vx = (i & 7) - 3; p->vy = (i & 3) - 1; } }
__attribute__((noinline)) int step(void) { int sum = 0; for (int i = 0; i < 256; i++) { struct Particle *p = &particles[i]; p->x += p->vx; p->y += p->vy; if (p->x < 0 || p->x > 1000) p->vx = -p->vx; if (p->y < 0 || p->y > 1000) p->vy = -p->vy; sum += p->x + p->y; } return sum; }
int main(void) { init(); int s = 0; for (int k = 0; k < 200; k++) s ^= step(); return s & 255; }
`,
  },
  matmul: {
    ts: `const N: i32 = 48;
const a = new StaticArray<i32>(2304);
const b = new StaticArray<i32>(2304);
const c = new StaticArray<i32>(2304);
function fill(): void {
  let i: i32 = 0;
  while (i < N * N) { a[i] = (i * 7) % 13 - 6; b[i] = (i * 5) % 11 - 5; i = i + 1; }
}
function multiply(): void {
  let i: i32 = 0;
  while (i < N) {
    let j: i32 = 0;
    while (j < N) {
      let sum: i32 = 0;
      let k: i32 = 0;
      while (k < N) { sum = sum + a[i * N + k] * b[k * N + j]; k = k + 1; }
      c[i * N + j] = sum;
      j = j + 1;
    }
    i = i + 1;
  }
}
export function main(): i32 {
  fill();
  let r: i32 = 0;
  let rep: i32 = 0;
  while (rep < 5) { multiply(); r = r ^ c[rep * 100]; a[rep] = r; rep = rep + 1; }
  return r & 255;
}
`,
    c: `#define N 48
static int a[N*N], b[N*N], c[N*N];
__attribute__((noinline)) void fill(void) { for (int i = 0; i < N * N; i++) { a[i] = (i * 7) % 13 - 6; b[i] = (i * 5) % 11 - 5; } }
__attribute__((noinline)) void multiply(void) { for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) { int sum = 0; for (int k = 0; k < N; k++) sum += a[i * N + k] * b[k * N + j]; c[i * N + j] = sum; } }
int main(void) { fill(); int r = 0; for (int rep = 0; rep < 5; rep++) { multiply(); r ^= c[rep * 100]; a[rep] = r; } return r & 255; }
`,
  },
};

function instructions(exe: string): number {
  const r = spawnSync("valgrind", ["--tool=callgrind", "--callgrind-out-file=/dev/null", exe], { encoding: "latin1" });
  const m = /Collected : (\d+)/.exec(r.stderr);
  if (!m) throw new Error(`no callgrind count for ${exe}: ${r.stderr}`);
  return Number(m[1]);
}

describe("generated code: instruction counts against gcc -O2", function () {
  const dir = tmpDir("ts386-perf-");
  before(function () {
    requireTool(this, "valgrind", "i686-linux-gnu-gcc");
  });
  for (const [name, { ts, c }] of Object.entries(PROGRAMS)) {
    it(`${name}: within ${MAX_RATIO}x of gcc -O2`, async function () {
      const tsFile = path.join(dir, `${name}.ts`);
      const cFile = path.join(dir, `${name}.c`);
      fs.writeFileSync(tsFile, ts);
      fs.writeFileSync(cFile, c);
      const ours = path.join(dir, `${name}-ts386`);
      const theirs = path.join(dir, `${name}-gcc`);
      const b = await ts386(["build", tsFile, "-o", ours, "--target", "linux"]);
      expect(b.stderr).to.equal("");
      run("i686-linux-gnu-gcc", ["-O2", "-m32", "-static", "-o", theirs, cFile]);
      expect(spawnSync(ours).status).to.equal(spawnSync(theirs).status);
      const a = instructions(ours);
      const g = instructions(theirs);
      console.log(`      ${name}: ts386 ${a}, gcc -O2 ${g}, ratio ${(a / g).toFixed(3)}`);
      expect(a / g).to.be.at.most(MAX_RATIO);
    });
  }
});
