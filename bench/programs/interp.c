/* A switch-based bytecode interpreter (a stack machine with 8 registers), running a
   program that sums (i * i) ^ (i >> 3) for i = 60000 down to 1: about 1.3 million dispatches.
   Add, Sub and Mul wrap as in ts386 (done on u32: signed overflow is undefined in C). */
#include "lib/report.h"

enum Op { Halt, Push, Load, Store, Add, Sub, Mul, Xor, Shr, Dup, Jnz, Pop };

static u8 code[64];
static i32 stack[64];
static i32 registers[8];

static i32 codeLength = 0;

static void emit(i32 byte) {
  code[codeLength] = (u8)byte;
  codeLength++;
}

static void emitPush(i32 value) {
  emit(Push);
  emit(value & 0xFF);
  emit(value >> 8);
}

static void assemble(i32 count) {
  codeLength = 0;
  emitPush(count); emit(Store); emit(0);
  emitPush(0); emit(Store); emit(1);
  i32 loop = codeLength;
  emit(Load); emit(0); emit(Dup); emit(Mul);
  emit(Load); emit(0); emitPush(3); emit(Shr); emit(Xor);
  emit(Load); emit(1); emit(Add); emit(Store); emit(1);
  emit(Load); emit(0); emitPush(1); emit(Sub); emit(Dup); emit(Store); emit(0);
  emit(Jnz); emit(loop);
  emit(Halt);
}

static u32 execute(void) {
  i32 pc = 0;
  i32 sp = 0;
  u32 steps = 0;
  for (;;) {
    u8 op = code[pc];
    pc++;
    steps++;
    switch (op) {
      case Halt:
        return steps;
      case Push:
        stack[sp] = code[pc] | ((i32)code[pc + 1] << 8);
        pc += 2;
        sp++;
        break;
      case Load:
        stack[sp] = registers[code[pc]];
        pc++;
        sp++;
        break;
      case Store:
        sp--;
        registers[code[pc]] = stack[sp];
        pc++;
        break;
      case Add:
        sp--;
        stack[sp - 1] = (i32)((u32)stack[sp - 1] + (u32)stack[sp]);
        break;
      case Sub:
        sp--;
        stack[sp - 1] = (i32)((u32)stack[sp - 1] - (u32)stack[sp]);
        break;
      case Mul:
        sp--;
        stack[sp - 1] = (i32)((u32)stack[sp - 1] * (u32)stack[sp]);
        break;
      case Xor:
        sp--;
        stack[sp - 1] = stack[sp - 1] ^ stack[sp];
        break;
      case Shr:
        sp--;
        stack[sp - 1] = stack[sp - 1] >> (stack[sp] & 31);
        break;
      case Dup:
        stack[sp] = stack[sp - 1];
        sp++;
        break;
      case Jnz:
        sp--;
        if (stack[sp] != 0) pc = code[pc];
        else pc++;
        break;
      case Pop:
        sp--;
        break;
      default:
        return 0xFFFFFFFFu;
    }
  }
}

BENCH_ENTRY u32 bench_run(void) {
  assemble(60000);
  registers[0] = 0;
  registers[1] = 0;
  u32 steps = execute();
  return steps * 31 + (u32)registers[1];
}

int main(void) {
  report("interp", bench_run());
  return 0;
}
