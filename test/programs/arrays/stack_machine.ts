// A tiny bytecode interpreter with an operand stack: computes (2+3)*(10-4) and 6!.
import { showI32 } from "../lib/print";

const enum Op { Push, Add, Sub, Mul, Dup, JumpIfZero, Jump, Swap, Rot, Drop, Halt }

const code = new StaticArray<i32>(64);
const stack = new StaticArray<i32>(16);
let codeLen: i32 = 0;

function emit(v: i32): void {
  code[codeLen++] = v;
}

function run(): i32 {
  let sp: i32 = 0;
  let pc: i32 = 0;
  while (true) {
    const op = code[pc++];
    switch (op) {
      case Op.Push: stack[sp++] = code[pc++]; break;
      case Op.Add: sp--; stack[sp - 1] += stack[sp]; break;
      case Op.Sub: sp--; stack[sp - 1] -= stack[sp]; break;
      case Op.Mul: sp--; stack[sp - 1] *= stack[sp]; break;
      case Op.Dup: stack[sp] = stack[sp - 1]; sp++; break;
      case Op.Swap: { const t = stack[sp - 1]; stack[sp - 1] = stack[sp - 2]; stack[sp - 2] = t; break; }
      case Op.Rot: { const a = stack[sp - 3]; stack[sp - 3] = stack[sp - 2]; stack[sp - 2] = stack[sp - 1]; stack[sp - 1] = a; break; }
      case Op.Drop: sp--; break;
      case Op.JumpIfZero: { const target = code[pc++]; if (stack[--sp] == 0) pc = target; break; }
      case Op.Jump: pc = code[pc]; break;
      case Op.Halt: return stack[sp - 1];
      default: return -999;
    }
  }
}

export function main(): i32 {
  emit(Op.Push); emit(2); emit(Op.Push); emit(3); emit(Op.Add);
  emit(Op.Push); emit(10); emit(Op.Push); emit(4); emit(Op.Sub);
  emit(Op.Mul); emit(Op.Halt);
  showI32("expr", run());
  // factorial: [acc n] -> while n != 0: [acc*n n-1]
  codeLen = 0;
  emit(Op.Push); emit(1); emit(Op.Push); emit(6);
  const loop = codeLen;
  emit(Op.Dup); emit(Op.JumpIfZero); const exitSlot = codeLen; emit(0);
  emit(Op.Dup); emit(Op.Rot); emit(Op.Mul); emit(Op.Swap);
  emit(Op.Push); emit(1); emit(Op.Sub);
  emit(Op.Jump); emit(loop);
  code[exitSlot] = codeLen;
  emit(Op.Drop); emit(Op.Halt);
  showI32("6!", run());
  return 0;
}
