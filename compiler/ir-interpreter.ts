// A reference interpreter of IrModule with i386 semantics: 32-bit wrapping
// temps, a little-endian byte memory holding the module's data, and the Linux
// test-target runtime (sys_write, sys_exit, __ts386_bounds_fail). It runs the
// test programs before (and beside) the native back end: both must print the
// same output and end the same way.
//
// Faults end the run the way the CPU and Linux would end a native process:
// division by zero and INT_MIN / -1 → SIGFPE, ud2 → SIGILL, int3 → SIGTRAP,
// a bad address or a privileged instruction → SIGSEGV.

import type { Block, Instr, IrFunction, IrModule, Terminator, Value } from "./ir.js";

export interface RunResult {
  stdout: string;
  stderr: string;
  /** Exit status (0..255) when the program exited; undefined when a signal ended it. */
  status?: number;
  /** The signal that ended the program, e.g. "SIGFPE". */
  signal?: string;
}

export interface InterpretOptions {
  entry?: string;
  /** Instructions to run before giving up (an endless loop is a test failure, not a hang). */
  maxSteps?: number;
  /** Call depth standing in for the native stack size. */
  maxDepth?: number;
}

/** Exit status of the Linux runtime's __ts386_bounds_fail (runtime/linux/panic.asm: the message on stderr as a line, then exit 134 as an abort would). */
export const BOUNDS_FAIL_STATUS = 134;

class Exit {
  constructor(readonly status: number) {}
}

class Signal {
  constructor(readonly name: string, readonly why: string) {}
}

export class InterpreterError extends Error {}

const DATA_BASE = 0x1000;
const FUNCTION_BASE = 0xf000_0000;

export function interpret(module: IrModule, options: InterpretOptions = {}): RunResult {
  const machine = new Machine(module, options);
  return machine.run(options.entry ?? "main");
}

class Machine {
  private memory: Uint8Array;
  private view: DataView;
  private readonly symbols = new Map<string, number>();
  private readonly functionsByAddress = new Map<number, IrFunction | string>();
  private readonly functions = new Map<string, IrFunction>();
  private stdout: number[] = [];
  private stderr: number[] = [];
  private steps = 0;
  private depth = 0;
  private readonly maxSteps: number;
  private readonly maxDepth: number;

  constructor(module: IrModule, options: InterpretOptions) {
    this.maxSteps = options.maxSteps ?? 100_000_000;
    this.maxDepth = options.maxDepth ?? 4000;
    let address = FUNCTION_BASE;
    const callables = [...module.functions.map((f) => f.name), ...module.externs];
    for (const name of callables) {
      this.symbols.set(name, address);
      const fn = module.functions.find((f) => f.name === name);
      if (fn) this.functions.set(name, fn);
      this.functionsByAddress.set(address, fn ?? name);
      address += 16;
    }
    let cursor = DATA_BASE;
    for (const d of module.data) {
      cursor = Math.ceil(cursor / d.align) * d.align;
      this.symbols.set(d.name, cursor);
      cursor += Math.max(d.size, 1);
    }
    const size = Math.max(1 << 20, Math.ceil((cursor + (1 << 16)) / 4096) * 4096);
    this.memory = new Uint8Array(size);
    this.view = new DataView(this.memory.buffer);
    for (const d of module.data) {
      const at = this.symbols.get(d.name)!;
      if (d.section !== "bss") this.memory.set(d.bytes, at);
      for (const r of d.relocations) this.view.setUint32(at + r.offset, (this.symbolAddress(r.symbol) + r.addend) >>> 0, true);
    }
  }

  private symbolAddress(name: string): number {
    const a = this.symbols.get(name);
    if (a === undefined) throw new InterpreterError(`undefined symbol '${name}'`);
    return a;
  }

  run(entry: string): RunResult {
    const fn = this.functions.get(entry);
    if (!fn) throw new InterpreterError(`no function '${entry}'`);
    let status: number | undefined;
    let signal: string | undefined;
    try {
      status = (this.call(fn, []) ?? 0) & 0xff;
    } catch (e) {
      if (e instanceof Exit) status = e.status & 0xff;
      else if (e instanceof Signal) signal = e.name;
      else if (e instanceof RangeError && /call stack/i.test(e.message)) signal = "SIGSEGV";
      else throw e;
    }
    return { stdout: latin1(this.stdout), stderr: latin1(this.stderr), status, signal };
  }

  // ---- memory ----

  private check(address: number, width: number): number {
    const a = address >>> 0;
    if (a < DATA_BASE || a + width > this.memory.length) throw new Signal("SIGSEGV", `bad address 0x${a.toString(16)}`);
    return a;
  }

  private load(address: number, width: number, signed: boolean): number {
    const a = this.check(address, width);
    if (width === 1) return signed ? this.view.getInt8(a) : this.view.getUint8(a);
    if (width === 2) return signed ? this.view.getInt16(a, true) : this.view.getUint16(a, true);
    return this.view.getInt32(a, true);
  }

  private store(address: number, width: number, value: number): void {
    const a = this.check(address, width);
    if (width === 1) this.view.setUint8(a, value & 0xff);
    else if (width === 2) this.view.setUint16(a, value & 0xffff, true);
    else this.view.setInt32(a, value | 0, true);
  }

  // ---- execution ----

  private call(fn: IrFunction, args: number[]): number | undefined {
    if (++this.depth > this.maxDepth) throw new Signal("SIGSEGV", "stack overflow");
    const temps = new Int32Array(Math.max(fn.tempCount, 1));
    fn.params.forEach((p, i) => (temps[p] = args[i] ?? 0));
    const val = (v: Value): number => (v.kind === "temp" ? temps[v.temp]! : v.kind === "const" ? v.value | 0 : (this.symbolAddress(v.name) + v.offset) | 0);
    let block: Block = fn.blocks[0]!;
    try {
      for (;;) {
        for (const ins of block.instrs) this.execute(ins, temps, val);
        const next = this.terminate(block.term, val, fn);
        if (typeof next === "object") return next.value;
        block = fn.blocks[next]!;
      }
    } finally {
      this.depth--;
    }
  }

  private execute(ins: Instr, temps: Int32Array, val: (v: Value) => number): void {
    if (++this.steps > this.maxSteps) throw new InterpreterError(`gave up after ${this.maxSteps} instructions (endless loop?)`);
    switch (ins.op) {
      case "copy":
        temps[ins.dst] = val(ins.src);
        return;
      case "binary":
        temps[ins.dst] = binary(ins.kind, val(ins.left), val(ins.right));
        return;
      case "unary":
        temps[ins.dst] = ins.kind === "neg" ? -val(ins.src) | 0 : ~val(ins.src);
        return;
      case "compare":
        temps[ins.dst] = compare(ins.cond, val(ins.left), val(ins.right)) ? 1 : 0;
        return;
      case "extend": {
        const v = val(ins.src);
        const bits = ins.width * 8;
        temps[ins.dst] = ins.signed ? (v << (32 - bits)) >> (32 - bits) : v & ((1 << bits) - 1);
        return;
      }
      case "load":
        temps[ins.dst] = this.load(val(ins.address) + ins.offset, ins.width, ins.signed);
        return;
      case "store":
        this.store(val(ins.address) + ins.offset, ins.width, val(ins.value));
        return;
      case "call": {
        const target = this.functionsByAddress.get(val(ins.callee) >>> 0);
        if (target === undefined) throw new Signal("SIGSEGV", `call to 0x${(val(ins.callee) >>> 0).toString(16)}`);
        const args = ins.args.map(val);
        const r = typeof target === "string" ? this.runtime(target, args) : this.call(target, args);
        if (ins.dst !== undefined) temps[ins.dst] = r ?? 0;
        return;
      }
      case "intrinsic":
        switch (ins.name) {
          case "nop":
          case "pause":
            return;
          case "ud2":
            throw new Signal("SIGILL", "ud2");
          case "int3":
            throw new Signal("SIGTRAP", "int3");
          case "readEflags":
            temps[ins.dst!] = 0x202;
            return;
          default:
            throw new Signal("SIGSEGV", `privileged instruction ${ins.name} in user mode`);
        }
    }
  }

  private terminate(t: Terminator, val: (v: Value) => number, fn: IrFunction): number | { value: number | undefined } {
    if (++this.steps > this.maxSteps) throw new InterpreterError(`gave up after ${this.maxSteps} instructions (endless loop?)`);
    switch (t.op) {
      case "jump":
        return t.target;
      case "branch":
        return val(t.cond) !== 0 ? t.ifTrue : t.ifFalse;
      case "branchCompare":
        return compare(t.cond, val(t.left), val(t.right)) ? t.ifTrue : t.ifFalse;
      case "switch": {
        const i = (val(t.value) - t.low) >>> 0;
        return i < t.targets.length ? t.targets[i]! : t.otherwise;
      }
      case "return":
        return { value: t.value ? val(t.value) : undefined };
      case "unreachable":
        throw new InterpreterError(`reached 'unreachable' in ${fn.name}${t.pos ? ` (${t.pos.file}:${t.pos.line})` : ""}`);
    }
  }

  /** The Linux test-target runtime. */
  private runtime(name: string, args: number[]): number | undefined {
    switch (name) {
      case "sys_write": {
        const [fd, buf, len] = args as [number, number, number];
        const out = fd === 1 ? this.stdout : fd === 2 ? this.stderr : undefined;
        if (!out) return -9; // -EBADF
        const n = len >>> 0;
        if (n > 0) this.check(buf, n);
        for (let i = 0; i < n; i++) out.push(this.memory[(buf >>> 0) + i]!);
        return n;
      }
      case "sys_exit":
        throw new Exit(args[0]!);
      case "__ts386_bounds_fail": {
        const [msg, len] = args as [number, number];
        this.check(msg, len >>> 0);
        for (let i = 0; i < len >>> 0; i++) this.stderr.push(this.memory[(msg >>> 0) + i]!);
        this.stderr.push(10); // as a line, as the runtime prints it
        throw new Exit(BOUNDS_FAIL_STATUS);
      }
      default:
        throw new InterpreterError(`call to undefined external function '${name}'`);
    }
  }
}

function binary(kind: string, a: number, b: number): number {
  switch (kind) {
    case "add":
      return (a + b) | 0;
    case "sub":
      return (a - b) | 0;
    case "mul":
      return Math.imul(a, b);
    case "divs":
    case "rems":
      if (b === 0 || (a === -2147483648 && b === -1)) throw new Signal("SIGFPE", "division");
      return kind === "divs" ? (a / b) | 0 : a % b | 0;
    case "divu":
    case "remu": {
      const ua = a >>> 0;
      const ub = b >>> 0;
      if (ub === 0) throw new Signal("SIGFPE", "division by zero");
      return kind === "divu" ? Math.floor(ua / ub) | 0 : ua % ub | 0;
    }
    case "and":
      return a & b;
    case "or":
      return a | b;
    case "xor":
      return a ^ b;
    case "shl":
      return a << (b & 31);
    case "shr":
      return (a >>> (b & 31)) | 0;
    case "sar":
      return a >> (b & 31);
    default:
      throw new InterpreterError(`unknown binary operation ${kind}`);
  }
}

function compare(cond: string, a: number, b: number): boolean {
  switch (cond) {
    case "eq":
      return a === b;
    case "ne":
      return a !== b;
    case "lt":
      return a < b;
    case "le":
      return a <= b;
    case "gt":
      return a > b;
    case "ge":
      return a >= b;
    case "ult":
      return a >>> 0 < b >>> 0;
    case "ule":
      return a >>> 0 <= b >>> 0;
    case "ugt":
      return a >>> 0 > b >>> 0;
    case "uge":
      return a >>> 0 >= b >>> 0;
    default:
      throw new InterpreterError(`unknown condition ${cond}`);
  }
}

function latin1(bytes: number[]): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 4096) s += String.fromCharCode(...bytes.slice(i, i + 4096));
  return s;
}
