// A module imported by the modules/ test programs (no .expected: not a program itself).
export const SCALE: i32 = 10;

let hidden: i32 = 0;

function helper(x: i32): i32 {
  return x * SCALE;
}

export function scaled(x: i32): i32 {
  hidden++;
  return helper(x);
}

export function callsSoFar(): i32 {
  return hidden;
}

export enum Mode { Off, On }

@unmanaged
export class Box {
  value: i32;
}
