// A switch-based bytecode interpreter (a stack machine with 8 registers), running a
// program that sums (i * i) ^ (i >> 3) for i = 60000 down to 1: about 1.3 million dispatches.
import { report } from "./lib/report";

const enum Op { Halt, Push, Load, Store, Add, Sub, Mul, Xor, Shr, Dup, Jnz, Pop }

const code = new StaticArray<u8>(64);
const stack = new StaticArray<i32>(64);
const registers = new StaticArray<i32>(8);

let codeLength: i32 = 0;

function emit(byte: i32): void {
  code[codeLength] = u8(byte);
  codeLength++;
}

/** Push with its 16-bit little-endian immediate. */
function emitPush(value: i32): void {
  emit(Op.Push);
  emit(value & 0xFF);
  emit(value >> 8);
}

/** r0 = count; r1 = 0; loop: r1 += (r0 * r0) ^ (r0 >> 3); r0 -= 1; jnz loop. */
function assemble(count: i32): void {
  codeLength = 0;
  emitPush(count); emit(Op.Store); emit(0);
  emitPush(0); emit(Op.Store); emit(1);
  const loop = codeLength;
  emit(Op.Load); emit(0); emit(Op.Dup); emit(Op.Mul);
  emit(Op.Load); emit(0); emitPush(3); emit(Op.Shr); emit(Op.Xor);
  emit(Op.Load); emit(1); emit(Op.Add); emit(Op.Store); emit(1);
  emit(Op.Load); emit(0); emitPush(1); emit(Op.Sub); emit(Op.Dup); emit(Op.Store); emit(0);
  emit(Op.Jnz); emit(loop);
  emit(Op.Halt);
}

/** Runs code from 0 until Halt; returns the number of instructions executed. */
function execute(): u32 {
  let pc: i32 = 0;
  let sp: i32 = 0;
  let steps: u32 = 0;
  for (;;) {
    const op = code[pc];
    pc++;
    steps++;
    switch (op) {
      case Op.Halt:
        return steps;
      case Op.Push:
        stack[sp] = code[pc] | (i32(code[pc + 1]) << 8);
        pc += 2;
        sp++;
        break;
      case Op.Load:
        stack[sp] = registers[code[pc]];
        pc++;
        sp++;
        break;
      case Op.Store:
        sp--;
        registers[code[pc]] = stack[sp];
        pc++;
        break;
      case Op.Add:
        sp--;
        stack[sp - 1] = stack[sp - 1] + stack[sp];
        break;
      case Op.Sub:
        sp--;
        stack[sp - 1] = stack[sp - 1] - stack[sp];
        break;
      case Op.Mul:
        sp--;
        stack[sp - 1] = stack[sp - 1] * stack[sp];
        break;
      case Op.Xor:
        sp--;
        stack[sp - 1] = stack[sp - 1] ^ stack[sp];
        break;
      case Op.Shr:
        sp--;
        stack[sp - 1] = stack[sp - 1] >> stack[sp];
        break;
      case Op.Dup:
        stack[sp] = stack[sp - 1];
        sp++;
        break;
      case Op.Jnz:
        sp--;
        if (stack[sp] != 0) pc = code[pc];
        else pc++;
        break;
      case Op.Pop:
        sp--;
        break;
      default:
        return 0xFFFFFFFF;
    }
  }
}

export function bench_run(): u32 {
  assemble(60000);
  registers[0] = 0;
  registers[1] = 0;
  const steps = execute();
  return steps * 31 + u32(registers[1]);
}

export function main(): i32 {
  report("interp", bench_run());
  return 0;
}
